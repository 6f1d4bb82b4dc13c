import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findFilePages, findFilesByIds, findSharesOfFiles, findUsageOf, type FilePageQuery } from './file-repo';
import type { FileRow, FileShareRow, StorageUsageRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `files`, or N files asking whom they
 * are shared with, is one statement, whatever N. After a write, refresh them with `refreshLoaders`.
 */
export interface Loaders {
  fileById: DataLoader<string, FileRow | null>;
  filePage: DataLoader<ParentKey<FilePageQuery>, FileRow[], string>;
  sharesOfFile: DataLoader<string, FileShareRow[], string>;
  usageOf: DataLoader<string, StorageUsageRow | null>;
}

export function createLoaders(db: Db): Loaders {
  return {
    fileById: rowLoader((ids: readonly string[]) => findFilesByIds(db, ids), (row) => row.id),
    filePage: parentQueryLoader((ownerIds, query: FilePageQuery) => findFilePages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
    sharesOfFile: groupLoader((ids: readonly string[]) => findSharesOfFiles(db, ids), (row) => row.fileId, (id) => id),
    usageOf: rowLoader((ids: readonly string[]) => findUsageOf(db, ids), (row) => row.ownerId),
  };
}
