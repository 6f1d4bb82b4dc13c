import type { Connection, UserReference } from '@mosaic/kit';
import type { CategoryRow, MoneyAccountRow, TransactionRow, TransactionSplitRow } from './data/tables';
import type { TransactionPage } from './domain/transactions';

export type UserMapper = UserReference;
export type MoneyAccountMapper = MoneyAccountRow;
export type MoneyAccountConnectionMapper = Connection<MoneyAccountRow>;
export type ExpenseCategoryMapper = CategoryRow;
export type MoneyTransactionMapper = TransactionRow;
export type MoneyTransactionSplitMapper = TransactionSplitRow;
export type MoneyTransactionConnectionMapper = TransactionPage;
