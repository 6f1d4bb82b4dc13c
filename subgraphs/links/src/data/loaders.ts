import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findLinkPages, findLinksByIds, type LinkPageQuery } from './link-repo';
import type { LinkRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `links` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  linkById: DataLoader<string, LinkRow | null>;
  linkPage: DataLoader<ParentKey<LinkPageQuery>, LinkRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    linkById: rowLoader((ids: readonly string[]) => findLinksByIds(db, ids), (row) => row.id),
    linkPage: parentQueryLoader((ownerIds, query: LinkPageQuery) => findLinkPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
