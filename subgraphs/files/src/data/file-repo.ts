import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { files, type FileRow } from './tables';

/** A page of each owner's files, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface FilePageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertFile(db: Db, row: FileRow): Promise<FileRow> {
  const [inserted] = await db.insert(files).values(row).returning();
  return inserted!;
}

export function findFilesByIds(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  return db.select().from(files).where(inArray(files.id, [...ids]));
}

/** Every row of one owner (their account was deleted); returns how many went. */
export async function deleteFilesOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(files).where(eq(files.ownerId, ownerId)).returning({ id: files.id })).length;
}

export async function countFilesOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(files).where(eq(files.ownerId, ownerId));
  return row!.n;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findFilePages(db: Db, ownerIds: readonly string[], query: FilePageQuery): Promise<FileRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: files.id,
      ownerId: files.ownerId,
      name: files.name,
      createdAt: files.createdAt,
      rank: sql<number>`row_number() over (partition by ${files.ownerId} order by ${files.createdAt} desc, ${files.id} desc)`.as('rank'),
    })
    .from(files)
    .where(
      and(
        inArray(files.ownerId, [...ownerIds]),
        after ? or(lt(files.createdAt, new Date(after.createdAt)), and(eq(files.createdAt, new Date(after.createdAt)), lt(files.id, after.id))) : undefined,
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
