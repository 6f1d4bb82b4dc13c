import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findAccountPages, findAccountsByIds, type AccountPageQuery } from './accounts-repo';
import { findPayeesOf } from './payees-repo';
import { findPostingPages, type PostingPageQuery } from './postings-repo';
import type { BankAccountRow, PayeeRow, PostingRow, TransferRow } from './tables';
import { findTransfersByIds } from './transfers-repo';

/**
 * Per-request loaders: N parents asking for a list or a row cost one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  accountById: DataLoader<string, BankAccountRow | null>;
  accountPage: DataLoader<ParentKey<AccountPageQuery>, BankAccountRow[], string>;
  transferById: DataLoader<string, TransferRow | null>;
  postingPage: DataLoader<ParentKey<PostingPageQuery>, PostingRow[], string>;
  payeesOf: DataLoader<string, PayeeRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    accountById: rowLoader((ids: readonly string[]) => findAccountsByIds(db, ids), (row) => row.id),
    accountPage: parentQueryLoader((ownerIds, query: AccountPageQuery) => findAccountPages(db, ownerIds, query), (row) => row.ownerId!, (rows) => rows),
    transferById: rowLoader((ids: readonly string[]) => findTransfersByIds(db, ids), (row) => row.id),
    postingPage: parentQueryLoader((accountIds, query: PostingPageQuery) => findPostingPages(db, accountIds, query), (row) => row.accountId, (rows) => rows),
    payeesOf: groupLoader((ownerIds: readonly string[]) => findPayeesOf(db, ownerIds), (row) => row.ownerId, (ownerId) => ownerId),
  };
}
