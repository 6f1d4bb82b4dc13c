import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { BankAccount } from './BankAccount';
import { createBankAccount } from './Mutation/createBankAccount';
import { bankAccount } from './Query/bankAccount';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { bankAccount },
  Mutation: { createBankAccount },
  BankAccount,
  User,
};
