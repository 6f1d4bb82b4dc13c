import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findFilePages, findFilesByIds, type FilePageQuery } from './file-repo';
import type { FileRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `files` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  fileById: DataLoader<string, FileRow | null>;
  filePage: DataLoader<ParentKey<FilePageQuery>, FileRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    fileById: rowLoader((ids: readonly string[]) => findFilesByIds(db, ids), (row) => row.id),
    filePage: parentQueryLoader((ownerIds, query: FilePageQuery) => findFilePages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
