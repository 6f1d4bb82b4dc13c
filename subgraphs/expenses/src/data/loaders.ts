import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findExpenseAccountPages, findExpenseAccountsByIds, type ExpenseAccountPageQuery } from './expense-account-repo';
import type { ExpenseAccountRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `expenseAccounts` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  expenseAccountById: DataLoader<string, ExpenseAccountRow | null>;
  expenseAccountPage: DataLoader<ParentKey<ExpenseAccountPageQuery>, ExpenseAccountRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    expenseAccountById: rowLoader((ids: readonly string[]) => findExpenseAccountsByIds(db, ids), (row) => row.id),
    expenseAccountPage: parentQueryLoader((ownerIds, query: ExpenseAccountPageQuery) => findExpenseAccountPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
