import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findContractPages, findContractsByIds } from './contracts-repo';
import { findLinkedAddressesOf } from './linked-addresses-repo';
import type { ContractRow, LinkedAddressRow, TransactionRow, WalletRow } from './tables';
import { findTransactionPages, findTransactionsByIds, type AddressTransaction } from './transactions-repo';
import { findWalletPages, findWalletsByIds, type PageQuery } from './wallets-repo';

/**
 * Per-request loaders: `_entities` with N users asking for `wallets` (or N wallets asking for
 * `transactions`) is one statement, whatever N. After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  walletById: DataLoader<string, WalletRow | null>;
  walletPage: DataLoader<ParentKey<PageQuery>, WalletRow[], string>;
  transactionById: DataLoader<string, TransactionRow | null>;
  /** Keyed by lower-case address. */
  transactionPage: DataLoader<ParentKey<PageQuery>, AddressTransaction[], string>;
  contractById: DataLoader<string, ContractRow | null>;
  contractPage: DataLoader<ParentKey<PageQuery>, ContractRow[], string>;
  linkedAddresses: DataLoader<string, LinkedAddressRow[]>;
}

export function createLoaders(db: Db, chainId: number): Loaders {
  return {
    walletById: rowLoader((ids: readonly string[]) => findWalletsByIds(db, ids), (row) => row.id),
    walletPage: parentQueryLoader((ownerIds, query: PageQuery) => findWalletPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
    transactionById: rowLoader((ids: readonly string[]) => findTransactionsByIds(db, ids), (row) => row.id),
    transactionPage: parentQueryLoader((addresses, query: PageQuery) => findTransactionPages(db, chainId, addresses, query), (row) => row.address, (rows) => rows),
    contractById: rowLoader((ids: readonly string[]) => findContractsByIds(db, ids), (row) => row.id),
    contractPage: parentQueryLoader((ownerIds, query: PageQuery) => findContractPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
    linkedAddresses: groupLoader((userIds: readonly string[]) => findLinkedAddressesOf(db, userIds), (row) => row.userId, (id) => id),
  };
}
