import type DataLoader from 'dataloader';
import { rowLoader, type Db } from '@mosaic/kit';
import { findUsersByIds } from './users-repo';
import type { UserRow } from './tables';

export interface Loaders {
  userById: DataLoader<string, UserRow | null>;
}

/** Per-request loaders: `_entities` with N users costs one query. */
export function createLoaders(db: Db): Loaders {
  return { userById: rowLoader((ids) => findUsersByIds(db, ids), (user) => user.id) };
}
