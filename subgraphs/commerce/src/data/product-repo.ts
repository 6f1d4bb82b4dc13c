import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { products, type ProductRow } from './tables';

/** A page of each owner's products, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface ProductPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertProduct(db: Db, row: ProductRow): Promise<ProductRow> {
  const [inserted] = await db.insert(products).values(row).returning();
  return inserted!;
}

export function findProductsByIds(db: Db, ids: readonly string[]): Promise<ProductRow[]> {
  return db.select().from(products).where(inArray(products.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deleteProductsOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(products).where(eq(products.ownerId, ownerId)).returning({ id: products.id })).length;
}

export async function countProductsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(products).where(eq(products.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findProductPages(db: Db, ownerIds: readonly string[], query: ProductPageQuery): Promise<ProductRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: products.id,
      ownerId: products.ownerId,
      name: products.name,
      createdAt: products.createdAt,
      rank: sql<number>`row_number() over (partition by ${products.ownerId} order by ${products.createdAt} desc, ${products.id} desc)`.as('rank'),
    })
    .from(products)
    .where(
      and(
        inArray(products.ownerId, [...ownerIds]),
        after ? or(lt(products.createdAt, new Date(after.createdAt)), and(eq(products.createdAt, new Date(after.createdAt)), lt(products.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select({ id: ranked.id, ownerId: ranked.ownerId, name: ranked.name, createdAt: ranked.createdAt })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
  return rows;
}
