import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnExpenseAccount } from '../domain/expense-accounts';
import type { ExpenseAccountResolvers } from '../resolvers.generated';

export const ExpenseAccount: ExpenseAccountResolvers = {
  // `_entities` applies the same rule as `Query.expenseAccount`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnExpenseAccount(ctx, decodeId('ExpenseAccount', reference.id)),
  id: (row) => encodeId('ExpenseAccount', row.id),
  owner: (row) => userReference(row.ownerId),
};
