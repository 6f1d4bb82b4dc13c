import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { displayNumberOf, findVisibleAccount, holderNameOf } from '../domain/accounts';
import { availableOf } from '../domain/ledger';
import { accountHistory, statementOf } from '../domain/ledger-queries';
import type { BankAccountResolvers } from '../resolvers.generated';

export const BankAccount: BankAccountResolvers = {
  // `_entities` applies the same rule as `Query.bankAccount`: only the owner (or an admin) resolves it.
  __resolveReference: (reference, ctx) => findVisibleAccount(ctx, decodeId('BankAccount', reference.id)),
  id: (row) => encodeId('BankAccount', row.id),
  kind: (row) => (row.kind === 'SAVINGS' ? 'SAVINGS' : 'CHECKING'),
  owner: (row) => userReference(row.ownerId!),
  accountNumber: (row, _args, ctx) => displayNumberOf(ctx.secrets, row),
  holderName: (row, _args, ctx) => holderNameOf(ctx.secrets, row),
  available: (row) => availableOf(row),
  postings: (row, args, ctx) => accountHistory(ctx, row, args),
  statement: (row, args, ctx) => statementOf(ctx, row, new Date(args.from), new Date(args.to)),
};
