import { openAccount } from '../../domain/accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const openBankAccount: NonNullable<MutationResolvers['openBankAccount']> = (_parent, args, ctx) => openAccount(ctx, args.input);
