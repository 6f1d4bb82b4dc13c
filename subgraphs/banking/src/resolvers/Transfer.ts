import { decodeId, encodeId } from '@mosaic/kit';
import { findVisibleAccount } from '../domain/accounts';
import { findVisibleTransfer } from '../domain/transfer-queries';
import type { TransferResolvers } from '../resolvers.generated';

export const Transfer: TransferResolvers = {
  __resolveReference: (reference, ctx) => findVisibleTransfer(ctx, decodeId('Transfer', reference.id)),
  id: (row) => encodeId('Transfer', row.id),
  fromAccount: (row, _args, ctx) => findVisibleAccount(ctx, row.fromAccountId),
  toAccount: (row, _args, ctx) => findVisibleAccount(ctx, row.toAccountId),
  from: (row) => ({ accountId: row.fromAccountId }),
  to: (row) => ({ accountId: row.toAccountId }),
};
