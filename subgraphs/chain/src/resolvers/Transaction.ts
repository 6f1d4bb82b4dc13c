import { decodeId, encodeId } from '@mosaic/kit';
import { displayAddress } from '../domain/addresses';
import { findOwnContract } from '../domain/contracts/contracts';
import { findVisibleTransaction } from '../domain/transactions/transfers';
import { findOwnWallet } from '../domain/wallets';
import type { TransactionResolvers } from '../resolvers.generated';

export const Transaction: TransactionResolvers = {
  __resolveReference: (reference, ctx) => findVisibleTransaction(ctx, decodeId('Transaction', reference.id)),
  id: (row) => encodeId('Transaction', row.id),
  from: (row) => displayAddress(row.fromAddress),
  to: (row) => (row.toAddress ? displayAddress(row.toAddress) : null),
  tokenAddress: (row) => (row.tokenAddress ? displayAddress(row.tokenAddress) : null),
  replacedBy: (row, _args, ctx) => (row.replacedById ? findVisibleTransaction(ctx, row.replacedById) : null),
  createdContract: (row, _args, ctx) => (row.kind === 'CONTRACT_DEPLOYMENT' && row.contractId ? findOwnContract(ctx, row.contractId) : null),
  wallet: (row, _args, ctx) => (row.walletId ? findOwnWallet(ctx, row.walletId) : null),
};
