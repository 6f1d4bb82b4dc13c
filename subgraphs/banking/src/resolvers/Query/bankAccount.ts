import { decodeId } from '@mosaic/kit';
import { findOwnBankAccount } from '../../domain/bank-accounts';
import type { QueryResolvers } from '../../resolvers.generated';

export const bankAccount: NonNullable<QueryResolvers['bankAccount']> = (_parent, args, ctx) => findOwnBankAccount(ctx, decodeId('BankAccount', args.id));
