import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findBudgetsOfOwners, findBudgetStatuses, type BudgetStatusRow } from './budgets-repo';
import { findCategoriesOfOwners } from './categories-repo';
import { findRecurringOfOwners } from './recurring-repo';
import { findRulesOfOwners } from './rules-repo';
import { findBalances, findMoneyAccountPages, findMoneyAccountsByIds, type MoneyAccountPageQuery } from './money-account-repo';
import type { BudgetRow, CategoryRow, RecurringTransactionRow, RuleRow, MoneyAccountRow, TransactionRow, TransactionSplitRow } from './tables';
import { findSplitsOfTransactions, findTransactionsByIds } from './transactions-repo';

/**
 * Per-request loaders: every list across a relation (a page of transactions with their splits,
 * categories and accounts; `_entities` with N users) costs a fixed number of statements, whatever
 * its length. After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  moneyAccountById: DataLoader<string, MoneyAccountRow | null>;
  moneyAccountPage: DataLoader<ParentKey<MoneyAccountPageQuery>, MoneyAccountRow[], string>;
  balanceOf: DataLoader<string, { id: string; balance: bigint } | null>;
  transactionById: DataLoader<string, TransactionRow | null>;
  splitsOf: DataLoader<string, TransactionSplitRow[], string>;
  /** A user's whole category tree (small; parents, children and paths are read from it). */
  categoriesOf: DataLoader<string, CategoryRow[], string>;
  budgetsOf: DataLoader<string, BudgetRow[], string>;
  rulesOf: DataLoader<string, RuleRow[], string>;
  recurringOf: DataLoader<string, RecurringTransactionRow[], string>;
  /** Budget status for the period containing a day (the query): one statement for all budgets asked about the same day. */
  budgetStatus: DataLoader<ParentKey<string>, BudgetStatusRow | null, string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    moneyAccountById: rowLoader((ids: readonly string[]) => findMoneyAccountsByIds(db, ids), (row) => row.id),
    moneyAccountPage: parentQueryLoader((ownerIds, query: MoneyAccountPageQuery) => findMoneyAccountPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
    balanceOf: rowLoader((ids: readonly string[]) => findBalances(db, ids), (row) => row.id),
    transactionById: rowLoader((ids: readonly string[]) => findTransactionsByIds(db, ids), (row) => row.id),
    splitsOf: groupLoader((ids: readonly string[]) => findSplitsOfTransactions(db, ids), (row) => row.transactionId, (id) => id),
    categoriesOf: groupLoader((ownerIds: readonly string[]) => findCategoriesOfOwners(db, ownerIds), (row) => row.ownerId, (id) => id),
    recurringOf: groupLoader((ownerIds: readonly string[]) => findRecurringOfOwners(db, ownerIds), (row) => row.ownerId, (id) => id),
    rulesOf: groupLoader((ownerIds: readonly string[]) => findRulesOfOwners(db, ownerIds), (row) => row.ownerId, (id) => id),
    budgetsOf: groupLoader((ownerIds: readonly string[]) => findBudgetsOfOwners(db, ownerIds), (row) => row.ownerId, (id) => id),
    budgetStatus: parentQueryLoader((ids, day: string) => findBudgetStatuses(db, ids, day), (row) => row.budgetId, (rows) => rows[0] ?? null),
  };
}
