import type DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findCategoriesByIds, findChildCategories, findProductsByIds, findVariantsByIds, findVariantsOfProducts } from './catalog-repo';
import { findLinesOfOrders, findOrderPages, findOrdersByIds, findTransitionsOfOrders, type OrderPageQuery } from './orders-repo';
import type { CategoryRow, OrderLineRow, OrderRow, OrderTransitionRow, ProductRow, VariantRow } from './tables';

/**
 * Per-request loaders: a page of products with their variants and categories, or a page of orders
 * with lines and history, is a fixed number of statements whatever its length. After a write,
 * refresh them with kit's `refreshLoaders`.
 */
export interface Loaders {
  productById: DataLoader<string, ProductRow | null>;
  variantById: DataLoader<string, VariantRow | null>;
  variantsOfProduct: DataLoader<string, VariantRow[], string>;
  categoryById: DataLoader<string, CategoryRow | null>;
  childCategories: DataLoader<string, CategoryRow[], string>;
  orderById: DataLoader<string, OrderRow | null>;
  linesOfOrder: DataLoader<string, OrderLineRow[], string>;
  transitionsOfOrder: DataLoader<string, OrderTransitionRow[], string>;
  ordersOfBuyer: DataLoader<ParentKey<OrderPageQuery>, OrderRow[], string>;
}

const self = (id: string) => id;

export function createLoaders(db: Db): Loaders {
  return {
    productById: rowLoader((ids: readonly string[]) => findProductsByIds(db, ids), (row) => row.id),
    variantById: rowLoader((ids: readonly string[]) => findVariantsByIds(db, ids), (row) => row.id),
    variantsOfProduct: groupLoader((ids: readonly string[]) => findVariantsOfProducts(db, ids), (row) => row.productId, self),
    categoryById: rowLoader((ids: readonly string[]) => findCategoriesByIds(db, ids), (row) => row.id),
    childCategories: groupLoader((ids: readonly string[]) => findChildCategories(db, ids), (row) => row.parentId ?? '', self),
    orderById: rowLoader((ids: readonly string[]) => findOrdersByIds(db, ids), (row) => row.id),
    linesOfOrder: groupLoader((ids: readonly string[]) => findLinesOfOrders(db, ids), (row) => row.orderId, self),
    transitionsOfOrder: groupLoader((ids: readonly string[]) => findTransitionsOfOrders(db, ids), (row) => row.orderId, self),
    ordersOfBuyer: parentQueryLoader((buyerIds, query: OrderPageQuery) => findOrderPages(db, buyerIds, query), (row) => row.buyerId ?? '', (rows) => rows),
  };
}
