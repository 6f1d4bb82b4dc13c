import type { Connection, UserReference } from '@mosaic/kit';
import type { BudgetRow, CategoryRow, MoneyAccountRow, TransactionRow, TransactionSplitRow } from './data/tables';
import type { BudgetStatus } from './domain/budgets';
import type { CategorySpending } from './domain/reports';
import type { BudgetAlertPayload } from './domain/live-alerts';
import type { TransactionPage } from './domain/transactions';

export type UserMapper = UserReference;
export type MoneyAccountMapper = MoneyAccountRow;
export type MoneyAccountConnectionMapper = Connection<MoneyAccountRow>;
export type ExpenseCategoryMapper = CategoryRow;
export type MoneyTransactionMapper = TransactionRow;
export type MoneyTransactionSplitMapper = TransactionSplitRow;
export type MoneyTransactionConnectionMapper = TransactionPage;
export type BudgetMapper = BudgetRow;
export type BudgetStatusMapper = BudgetStatus;
export type BudgetAlertMapper = BudgetAlertPayload;
export type CategorySpendingMapper = CategorySpending;
