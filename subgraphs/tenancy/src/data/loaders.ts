import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findOrganizationPages, findOrganizationsByIds, type OrganizationPageQuery } from './organization-repo';
import type { OrganizationRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `organizations` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  organizationById: DataLoader<string, OrganizationRow | null>;
  organizationPage: DataLoader<ParentKey<OrganizationPageQuery>, OrganizationRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    organizationById: rowLoader((ids: readonly string[]) => findOrganizationsByIds(db, ids), (row) => row.id),
    organizationPage: parentQueryLoader((ownerIds, query: OrganizationPageQuery) => findOrganizationPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
