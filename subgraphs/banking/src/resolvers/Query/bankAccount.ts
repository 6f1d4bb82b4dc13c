import { decodeId } from '@mosaic/kit';
import { findVisibleAccount } from '../../domain/accounts';
import type { QueryResolvers } from '../../resolvers.generated';

export const bankAccount: NonNullable<QueryResolvers['bankAccount']> = (_parent, args, ctx) => findVisibleAccount(ctx, decodeId('BankAccount', args.id));
