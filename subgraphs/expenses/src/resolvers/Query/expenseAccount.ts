import { decodeId } from '@mosaic/kit';
import { findOwnExpenseAccount } from '../../domain/expense-accounts';
import type { QueryResolvers } from '../../resolvers.generated';

export const expenseAccount: NonNullable<QueryResolvers['expenseAccount']> = (_parent, args, ctx) => findOwnExpenseAccount(ctx, decodeId('ExpenseAccount', args.id));
