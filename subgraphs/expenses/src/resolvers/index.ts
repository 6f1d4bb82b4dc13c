import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { ExpenseAccount } from './ExpenseAccount';
import { createExpenseAccount } from './Mutation/createExpenseAccount';
import { expenseAccount } from './Query/expenseAccount';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { expenseAccount },
  Mutation: { createExpenseAccount },
  ExpenseAccount,
  User,
};
