import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Budget, BudgetAlert, Subscription } from './Budget';
import { ExpenseCategory } from './ExpenseCategory';
import { RecurringTransaction } from './RecurringTransaction';
import { CsvImportRow, Rule } from './Rule';
import { MoneyAccount } from './MoneyAccount';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { DateScalar, MoneyScalar } from './scalars';
import { MoneyTransaction, MoneyTransactionConnection, MoneyTransactionSplit } from './MoneyTransaction';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Amount: MoneyScalar,
  Query,
  Mutation,
  Subscription,
  Budget,
  Rule,
  RecurringTransaction,
  CsvImportRow,
  BudgetAlert,
  MoneyAccount,
  ExpenseCategory,
  MoneyTransaction,
  MoneyTransactionSplit,
  MoneyTransactionConnection,
  User,
};
