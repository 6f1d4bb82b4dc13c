import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findBankAccountPages, findBankAccountsByIds, type BankAccountPageQuery } from './bank-account-repo';
import type { BankAccountRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `bankAccounts` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  bankAccountById: DataLoader<string, BankAccountRow | null>;
  bankAccountPage: DataLoader<ParentKey<BankAccountPageQuery>, BankAccountRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    bankAccountById: rowLoader((ids: readonly string[]) => findBankAccountsByIds(db, ids), (row) => row.id),
    bankAccountPage: parentQueryLoader((ownerIds, query: BankAccountPageQuery) => findBankAccountPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
