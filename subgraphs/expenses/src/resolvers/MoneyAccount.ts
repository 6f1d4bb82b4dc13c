import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { balanceOf, findOwnMoneyAccount } from '../domain/money-accounts';
import type { MoneyAccountResolvers } from '../resolvers.generated';

export const MoneyAccount: MoneyAccountResolvers = {
  // `_entities` applies the same rule as `Query.moneyAccount`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnMoneyAccount(ctx, decodeId('MoneyAccount', reference.id)),
  id: (row) => encodeId('MoneyAccount', row.id),
  kind: (row) => row.kind.toUpperCase() as 'CASH' | 'BANK' | 'CARD',
  balance: (row, _args, ctx) => balanceOf(ctx, row),
  owner: (row) => userReference(row.ownerId),
};
