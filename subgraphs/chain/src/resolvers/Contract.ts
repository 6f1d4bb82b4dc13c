import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { displayAddress } from '../domain/addresses';
import { contractEvents, findOwnContract } from '../domain/contracts/contracts';
import { findVisibleTransaction } from '../domain/transactions/transfers';
import type { ContractResolvers } from '../resolvers.generated';

export const Contract: ContractResolvers = {
  __resolveReference: (reference, ctx) => findOwnContract(ctx, decodeId('Contract', reference.id)),
  id: (row) => encodeId('Contract', row.id),
  address: (row) => displayAddress(row.address),
  owner: (row) => userReference(row.ownerId),
  deployment: (row, _args, ctx) => (row.deploymentTxId ? findVisibleTransaction(ctx, row.deploymentTxId) : null),
  events: (row, args, ctx) => contractEvents(ctx, row, args),
};
