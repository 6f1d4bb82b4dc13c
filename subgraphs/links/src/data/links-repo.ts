import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import type { LinkFilterValues } from '../domain/link-input';
import { links, visits, type LinkRow, type NewLink } from './tables';

export type LinkOrderField = 'CREATED_AT' | 'VISIT_COUNT';

/** A page of each owner's links: `after` is the (sort value, id) of the last row seen. */
export interface LinkPageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  order: { field: LinkOrderField; descending: boolean };
  after: { value: string | number; id: string } | null;
  filter: LinkFilterValues;
  /** Epoch milliseconds the states in `filter` are judged at. */
  now: number;
}

export async function insertLink(db: Db, row: NewLink): Promise<LinkRow> {
  const [inserted] = await db.insert(links).values(row).returning();
  return inserted!;
}

export function findLinksByIds(db: Db, ids: readonly string[]): Promise<LinkRow[]> {
  return db.select().from(links).where(inArray(links.id, [...ids]));
}

export function findLinksByCodeKeys(db: Db, codeKeys: readonly string[]): Promise<LinkRow[]> {
  return db.select().from(links).where(inArray(links.codeKey, [...codeKeys]));
}

export async function findLinkForUpdate(db: Db, id: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(links).where(eq(links.id, id)).for('update');
  return row ?? null;
}

export async function updateLinkRow(db: Db, id: string, changes: Partial<NewLink>): Promise<LinkRow> {
  const [row] = await db.update(links).set(changes).where(eq(links.id, id)).returning();
  return row!;
}

/** The link and its visits, in the caller's transaction. */
export async function deleteLinkRow(db: Db, id: string): Promise<void> {
  await db.delete(visits).where(eq(visits.linkId, id));
  await db.delete(links).where(eq(links.id, id));
}

export async function countLinksOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(links).where(eq(links.ownerId, ownerId));
  return row!.n;
}

/**
 * Counts one visit of a link with a visit limit, if it has visits left: one conditional UPDATE, so
 * concurrent visitors (on any replica) can never overshoot `max_visits`. Null when none are left.
 */
export async function reserveVisit(db: Db, id: string): Promise<number | null> {
  const [row] = await db
    .update(links)
    .set({ visitCount: sql`${links.visitCount} + 1` })
    .where(and(eq(links.id, id), isNull(links.disabledAt), isNotNull(links.maxVisits), lt(links.visitCount, links.maxVisits)))
    .returning({ visitCount: links.visitCount });
  return row?.visitCount ?? null;
}

/** A fetched title is kept only while the link has none and still points where it was fetched from. */
export async function storeFetchedTitle(db: Db, id: string, targetUrl: string, title: string): Promise<boolean> {
  const rows = await db
    .update(links)
    .set({ title })
    .where(and(eq(links.id, id), isNull(links.title), eq(links.targetUrl, targetUrl)))
    .returning({ id: links.id });
  return rows.length > 0;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function stateCondition(state: NonNullable<LinkFilterValues['state']>, now: Date): SQL {
  const enabled = isNull(links.disabledAt);
  const unexpired = or(isNull(links.expiresAt), gt(links.expiresAt, now))!;
  const visitsLeft = or(isNull(links.maxVisits), lt(links.visitCount, links.maxVisits))!;
  switch (state) {
    case 'DISABLED':
      return isNotNull(links.disabledAt);
    case 'EXPIRED':
      return and(enabled, lte(links.expiresAt, now))!;
    case 'EXHAUSTED':
      return and(enabled, unexpired, isNotNull(links.maxVisits), sql`${links.visitCount} >= ${links.maxVisits}`)!;
    case 'ACTIVE':
      return and(enabled, unexpired, visitsLeft)!;
  }
}

function filterConditions(filter: LinkFilterValues, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(or(ilike(links.codeKey, pattern), ilike(links.targetUrl, pattern), ilike(links.title, pattern))!);
  }
  if (filter.tag) conditions.push(sql`${links.tags} @> array[${filter.tag}]::text[]`);
  if (filter.state) conditions.push(stateCondition(filter.state, now));
  return conditions;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findLinkPages(db: Db, ownerIds: readonly string[], query: LinkPageQuery): Promise<LinkRow[]> {
  const sortColumn = query.order.field === 'VISIT_COUNT' ? links.visitCount : links.createdAt;
  const direction = query.order.descending ? desc : asc;
  const after = query.after;
  const afterValue = after ? (query.order.field === 'VISIT_COUNT' ? sql`${Number(after.value)}::integer` : sql`${String(after.value)}::timestamptz`) : null;
  const beyond = after ? (query.order.descending ? sql`(${sortColumn}, ${links.id}) < (${afterValue}, ${after.id})` : sql`(${sortColumn}, ${links.id}) > (${afterValue}, ${after.id})`) : undefined;
  const ranked = db
    .select({
      id: links.id,
      rank: sql<number>`row_number() over (partition by ${links.ownerId} order by ${sortColumn} ${sql.raw(query.order.descending ? 'desc' : 'asc')}, ${links.id} ${sql.raw(query.order.descending ? 'desc' : 'asc')})`.as('rank'),
    })
    .from(links)
    .where(and(inArray(links.ownerId, [...ownerIds]), beyond, ...filterConditions(query.filter, new Date(query.now))))
    .as('ranked');
  return db
    .select({ link: links })
    .from(links)
    .innerJoin(ranked, eq(ranked.id, links.id))
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(direction(sortColumn), direction(links.id))
    .then((rows) => rows.map((row) => row.link));
}
