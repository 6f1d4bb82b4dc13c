import { and, desc, eq, getTableColumns, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { files, fileShares, storageUsage, type FileRow, type FileShareRow, type StorageUsageRow } from './tables';

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

export async function findFileByPublicToken(db: Db, token: string): Promise<FileRow | null> {
  const [row] = await db.select().from(files).where(eq(files.publicToken, token));
  return row ?? null;
}

export async function deleteFileRow(db: Db, id: string): Promise<FileRow | null> {
  const [row] = await db.delete(files).where(eq(files.id, id)).returning();
  return row ?? null;
}

export async function setThumbnailKey(db: Db, id: string, key: string): Promise<void> {
  await db.update(files).set({ thumbnailKey: key }).where(eq(files.id, id));
}

export async function setPublicToken(db: Db, id: string, token: string | null): Promise<FileRow | null> {
  const [row] = await db.update(files).set({ publicToken: token }).where(eq(files.id, id)).returning();
  return row ?? null;
}

/** Every file of one owner (their account was deleted), removed; returns the rows that went. */
export function deleteFilesOf(db: Db, ownerId: string): Promise<FileRow[]> {
  return db.delete(files).where(eq(files.ownerId, ownerId)).returning();
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findFilePages(db: Db, ownerIds: readonly string[], query: FilePageQuery): Promise<FileRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      ...getTableColumns(files),
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
  const { rank: _rank, ...columns } = ranked._.selectedFields;
  return db
    .select(columns)
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
}

// Shares

export async function insertShare(db: Db, row: FileShareRow): Promise<void> {
  await db.insert(fileShares).values(row).onConflictDoNothing();
}

export async function deleteShare(db: Db, fileId: string, userId: string): Promise<void> {
  await db.delete(fileShares).where(and(eq(fileShares.fileId, fileId), eq(fileShares.userId, userId)));
}

export function findSharesOfFiles(db: Db, fileIds: readonly string[]): Promise<FileShareRow[]> {
  return db.select().from(fileShares).where(inArray(fileShares.fileId, [...fileIds])).orderBy(fileShares.createdAt);
}

export async function deleteSharesWith(db: Db, userId: string): Promise<void> {
  await db.delete(fileShares).where(eq(fileShares.userId, userId));
}

// Usage

/**
 * Adds `bytes` to the owner's usage if it stays within `quotaBytes`, in one statement (concurrent
 * uploads cannot both squeeze under the quota); null when it would not fit.
 */
export async function reserveUsage(db: Db, ownerId: string, bytes: number, quotaBytes: number, at: Date): Promise<StorageUsageRow | null> {
  if (bytes > quotaBytes) return null;
  const [row] = await db
    .insert(storageUsage)
    .values({ ownerId, bytesUsed: bytes, fileCount: 1, updatedAt: at })
    .onConflictDoUpdate({
      target: storageUsage.ownerId,
      set: { bytesUsed: sql`${storageUsage.bytesUsed} + ${bytes}`, fileCount: sql`${storageUsage.fileCount} + 1`, updatedAt: at },
      setWhere: sql`${storageUsage.bytesUsed} + ${bytes} <= ${quotaBytes}`,
    })
    .returning();
  return row ?? null;
}

export async function releaseUsage(db: Db, ownerId: string, bytes: number, at: Date): Promise<void> {
  await db
    .update(storageUsage)
    .set({ bytesUsed: sql`greatest(${storageUsage.bytesUsed} - ${bytes}, 0)`, fileCount: sql`greatest(${storageUsage.fileCount} - 1, 0)`, updatedAt: at })
    .where(eq(storageUsage.ownerId, ownerId));
}

export function findUsageOf(db: Db, ownerIds: readonly string[]): Promise<StorageUsageRow[]> {
  return db.select().from(storageUsage).where(inArray(storageUsage.ownerId, [...ownerIds]));
}

export async function deleteUsageOf(db: Db, ownerId: string): Promise<void> {
  await db.delete(storageUsage).where(eq(storageUsage.ownerId, ownerId));
}
