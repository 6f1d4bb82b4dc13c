import type DataLoader from 'dataloader';
import { groupLoader, rowLoader, type Db } from '@mosaic/kit';
import { findSavedLocationsByIds, findSavedLocationsOf } from './saved-locations-repo';
import type { SavedLocationRow } from './tables';

/** Per-request loaders: `_entities` with N users asking for `savedLocations` is one statement, whatever N. */
export interface Loaders {
  savedLocationById: DataLoader<string, SavedLocationRow | null>;
  savedLocationsOf: DataLoader<string, SavedLocationRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    savedLocationById: rowLoader((ids: readonly string[]) => findSavedLocationsByIds(db, ids), (row) => row.id),
    savedLocationsOf: groupLoader((ownerIds: readonly string[]) => findSavedLocationsOf(db, ownerIds), (row) => row.ownerId, (ownerId) => ownerId),
  };
}
