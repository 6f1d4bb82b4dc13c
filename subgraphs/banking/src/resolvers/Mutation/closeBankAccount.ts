import { decodeId } from '@mosaic/kit';
import { closeAccount } from '../../domain/accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const closeBankAccount: NonNullable<MutationResolvers['closeBankAccount']> = (_parent, args, ctx) => closeAccount(ctx, decodeId('BankAccount', args.id));
