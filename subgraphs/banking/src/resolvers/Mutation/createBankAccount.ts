import { createBankAccount as create } from '../../domain/bank-accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const createBankAccount: NonNullable<MutationResolvers['createBankAccount']> = (_parent, args, ctx) => create(ctx, args.input);
