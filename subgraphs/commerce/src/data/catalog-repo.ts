import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { categories, products, variants, type CategoryRow, type ProductRow, type ProductStatus, type VariantRow } from './tables';

export const SEARCH_CONFIG = 'english';
const documentOf = sql`to_tsvector('english', ${products.name} || ' ' || ${products.description})`;

export async function insertCategory(db: Db, row: CategoryRow): Promise<CategoryRow> {
  const [inserted] = await db.insert(categories).values(row).returning();
  return inserted!;
}

export const findCategoriesByIds = (db: Db, ids: readonly string[]) => db.select().from(categories).where(inArray(categories.id, [...ids]));

export const findChildCategories = (db: Db, parentIds: readonly string[]) =>
  db.select().from(categories).where(inArray(categories.parentId, [...parentIds])).orderBy(asc(categories.position), asc(categories.name));

export const findRootCategories = (db: Db) => db.select().from(categories).where(isNull(categories.parentId)).orderBy(asc(categories.position), asc(categories.name));

export async function nextCategoryPosition(db: Db, parentId: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${categories.position}) + 1, 0)::int` })
    .from(categories)
    .where(parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId));
  return row!.n;
}

export async function insertProduct(db: Db, product: ProductRow, productVariants: VariantRow[]): Promise<ProductRow> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(products).values(product).returning();
    await tx.insert(variants).values(productVariants);
    return inserted!;
  });
}

export async function updateProductRow(db: Db, id: string, changes: Partial<ProductRow>): Promise<ProductRow | null> {
  const [row] = await db.update(products).set(changes).where(eq(products.id, id)).returning();
  return row ?? null;
}

export const findProductsByIds = (db: Db, ids: readonly string[]) => db.select().from(products).where(inArray(products.id, [...ids]));

export async function findProductBySlug(db: Db, slug: string): Promise<ProductRow | null> {
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  return row ?? null;
}

export const findVariantsOfProducts = (db: Db, productIds: readonly string[]) =>
  db.select().from(variants).where(inArray(variants.productId, [...productIds])).orderBy(asc(variants.position), asc(variants.id));

export const findVariantsByIds = (db: Db, ids: readonly string[]) => db.select().from(variants).where(inArray(variants.id, [...ids]));

export async function insertVariant(db: Db, row: VariantRow): Promise<VariantRow> {
  const [inserted] = await db.insert(variants).values(row).returning();
  return inserted!;
}

export async function updateVariantRow(db: Db, id: string, changes: Partial<VariantRow>): Promise<VariantRow | null> {
  const [row] = await db.update(variants).set(changes).where(eq(variants.id, id)).returning();
  return row ?? null;
}

/** Adds `delta` units on hand unless that would go below zero or below what is reserved; null when refused or missing. */
export async function adjustStockOnHand(db: Db, id: string, delta: number): Promise<VariantRow | null> {
  const [row] = await db
    .update(variants)
    .set({ stockOnHand: sql`${variants.stockOnHand} + ${delta}` })
    .where(and(eq(variants.id, id), sql`${variants.stockOnHand} + ${delta} >= ${variants.reserved}`))
    .returning();
  return row ?? null;
}

export async function nextVariantPosition(db: Db, productId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${variants.position}) + 1, 0)::int` }).from(variants).where(eq(variants.productId, productId));
  return row!.n;
}

export interface ProductSearch {
  search: string | null;
  /** The category and its descendants (one recursive CTE in the same statement). */
  categoryId: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean;
  statuses: readonly ProductStatus[];
  /** Without search: (createdAt ISO, id); with search: (rank, id). */
  after: { sortKey: string | number; id: string } | null;
  limit: number;
}

export interface ProductHit {
  product: ProductRow;
  rank: number;
  highlight: string | null;
}

/** Sentinels around matched words in ts_headline's output: the domain escapes the text, then turns them into <b>. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** One statement: filters, full-text match, keyset page. */
export async function searchProducts(db: Db, q: ProductSearch): Promise<ProductHit[]> {
  const query = q.search ? sql`websearch_to_tsquery('english', ${q.search})` : null;
  const rank = query ? sql<number>`ts_rank(${documentOf}, ${query})::float8` : sql<number>`0::float8`;
  const conditions: (SQL | undefined)[] = [inArray(products.status, [...q.statuses])];
  if (query) conditions.push(sql`${documentOf} @@ ${query}`);
  if (q.categoryId) {
    conditions.push(sql`${products.categoryId} in (
      with recursive tree(id) as (select ${q.categoryId}::uuid union all select c.id from ${categories} c join tree on c.parent_id = tree.id)
      select id from tree)`);
  }
  if (q.minPrice !== null || q.maxPrice !== null || q.inStock) {
    const variantConditions: SQL[] = [sql`v.product_id = ${products.id}`];
    if (q.minPrice !== null) variantConditions.push(sql`v.price_minor >= ${q.minPrice}`);
    if (q.maxPrice !== null) variantConditions.push(sql`v.price_minor <= ${q.maxPrice}`);
    if (q.inStock) variantConditions.push(sql`v.stock_on_hand - v.reserved > 0`);
    conditions.push(sql`exists (select 1 from ${variants} v where ${sql.join(variantConditions, sql` and `)})`);
  }
  if (q.after) {
    conditions.push(
      query
        ? sql`(${rank} < ${Number(q.after.sortKey)} or (${rank} = ${Number(q.after.sortKey)} and ${products.id} < ${q.after.id}))`
        : or(lt(products.createdAt, new Date(String(q.after.sortKey))), and(eq(products.createdAt, new Date(String(q.after.sortKey))), lt(products.id, q.after.id))),
    );
  }
  const highlight = query
    ? sql<string>`ts_headline('english', ${products.name} || ' — ' || ${products.description}, ${query}, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=10`})`
    : sql<null>`null`;
  const rows = await db
    .select({ product: products, rank, highlight })
    .from(products)
    .where(and(...conditions))
    .orderBy(...(query ? [desc(rank), desc(products.id)] : [desc(products.createdAt), desc(products.id)]))
    .limit(q.limit + 1);
  return rows;
}

/** Variant ids → their rows, locked in id order (no deadlock between checkouts sharing variants). */
export const lockVariants = (tx: Db, ids: readonly string[]) =>
  tx.select().from(variants).where(inArray(variants.id, [...ids])).orderBy(asc(variants.id)).for('update');

/** `case id when … then quantity end`: one statement for every line, whatever their number. */
function quantityByVariant(lines: readonly { variantId: string; quantity: number }[]): SQL {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  return sql`(case ${variants.id} ${sql.join([...totals].map(([id, q]) => sql`when ${id}::uuid then ${q}::int`), sql` `)} end)`;
}

/** Reserves what each line asks where enough is available; returns the ids reserved (fewer than asked = roll back). */
export async function reserveStock(tx: Db, lines: readonly { variantId: string; quantity: number }[]): Promise<string[]> {
  const quantity = quantityByVariant(lines);
  const rows = await tx
    .update(variants)
    .set({ reserved: sql`${variants.reserved} + ${quantity}` })
    .where(and(inArray(variants.id, lines.map((l) => l.variantId)), sql`${variants.stockOnHand} - ${variants.reserved} >= ${quantity}`))
    .returning({ id: variants.id });
  return rows.map((row) => row.id);
}

/** Gives reserved units back (cancellation, refund before shipping) or, with `ship`, takes them out of stock (fulfilment). */
export async function settleReservations(tx: Db, lines: readonly { variantId: string; quantity: number }[], ship: boolean): Promise<void> {
  if (lines.length === 0) return;
  const quantity = quantityByVariant(lines);
  await tx
    .update(variants)
    .set(ship ? { reserved: sql`${variants.reserved} - ${quantity}`, stockOnHand: sql`${variants.stockOnHand} - ${quantity}` } : { reserved: sql`${variants.reserved} - ${quantity}` })
    .where(inArray(variants.id, lines.map((l) => l.variantId)));
}
