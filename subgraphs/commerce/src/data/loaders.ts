import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findProductPages, findProductsByIds, type ProductPageQuery } from './product-repo';
import type { ProductRow } from './tables';

/**
 * Per-request loaders: `_entities` with N users asking for `products` is one statement, whatever N.
 * After a write, refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  productById: DataLoader<string, ProductRow | null>;
  productPage: DataLoader<ParentKey<ProductPageQuery>, ProductRow[], string>;
}

export function createLoaders(db: Db): Loaders {
  return {
    productById: rowLoader((ids: readonly string[]) => findProductsByIds(db, ids), (row) => row.id),
    productPage: parentQueryLoader((ownerIds, query: ProductPageQuery) => findProductPages(db, ownerIds, query), (row) => row.ownerId, (rows) => rows),
  };
}
