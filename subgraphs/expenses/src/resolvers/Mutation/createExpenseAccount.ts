import { createExpenseAccount as create } from '../../domain/expense-accounts';
import type { MutationResolvers } from '../../resolvers.generated';

export const createExpenseAccount: NonNullable<MutationResolvers['createExpenseAccount']> = (_parent, args, ctx) => create(ctx, args.input);
