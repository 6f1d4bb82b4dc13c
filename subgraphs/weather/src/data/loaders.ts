import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findSavedLocationPages, findSavedLocationsByIds, type SavedLocationPageQuery } from './saved-location-repo';
import type { SavedLocationRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `savedLocations` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  savedLocationById: DataLoader<string, SavedLocationRow | null>;
  savedLocationPage: DataLoader<ParentKey<SavedLocationPageQuery>, SavedLocationRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    savedLocationById: rowLoader((ids: readonly string[]) => findSavedLocationsByIds(db, ids), (row) => row.id),
    savedLocationPage: parentQueryLoader((ownerIds, query: SavedLocationPageQuery) => findSavedLocationPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
