import { decodeId } from '@mosaic/kit';
import { freezeAccount } from '../../domain/accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const freezeBankAccount: NonNullable<MutationResolvers['freezeBankAccount']> = (_parent, args, ctx) => freezeAccount(ctx, decodeId('BankAccount', args.id), args.reason);
