import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { displayAddress } from '../domain/addresses';
import { listWalletTransactions } from '../domain/transactions/transfers';
import { findOwnWallet, tokenBalance, walletBalance } from '../domain/wallets';
import type { WalletResolvers } from '../resolvers.generated';

export const Wallet: WalletResolvers = {
  // `_entities` applies the same rule as `Query.wallet`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnWallet(ctx, decodeId('Wallet', reference.id)),
  id: (row) => encodeId('Wallet', row.id),
  address: (row) => displayAddress(row.address),
  owner: (row) => userReference(row.ownerId),
  balance: (row, _args, ctx) => walletBalance(ctx, row),
  tokenBalance: (row, args, ctx) => tokenBalance(ctx, row, args.token),
  transactions: (row, args, ctx) => listWalletTransactions(ctx, row, args),
};
