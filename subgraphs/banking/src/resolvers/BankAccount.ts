import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnBankAccount } from '../domain/bank-accounts';
import type { BankAccountResolvers } from '../resolvers.generated';

export const BankAccount: BankAccountResolvers = {
  // `_entities` applies the same rule as `Query.bankAccount`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnBankAccount(ctx, decodeId('BankAccount', reference.id)),
  id: (row) => encodeId('BankAccount', row.id),
  owner: (row) => userReference(row.ownerId),
};
