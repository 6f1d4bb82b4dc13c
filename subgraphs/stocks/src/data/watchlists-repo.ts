import { and, asc, count, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { watchlists, watchlistSymbols, type WatchlistRow, type WatchlistSymbolRow } from './tables';

const owned = (id: string, ownerId: string) => and(eq(watchlists.id, id), eq(watchlists.ownerId, ownerId));

export async function countWatchlistsOf(db: Db, ownerId: string): Promise<{ count: number; lastPosition: number | null }> {
  const [row] = await db.select({ count: count(), lastPosition: max(watchlists.position) }).from(watchlists).where(eq(watchlists.ownerId, ownerId));
  return { count: row?.count ?? 0, lastPosition: row?.lastPosition ?? null };
}

export async function insertWatchlist(db: Db, row: WatchlistRow): Promise<WatchlistRow> {
  const [inserted] = await db.insert(watchlists).values(row).returning();
  return inserted!;
}

/** Locks the watchlist for the rest of the transaction: its symbol list is read, changed and renumbered. */
export async function findOwnedWatchlistForUpdate(db: Db, id: string, ownerId: string): Promise<WatchlistRow | undefined> {
  const [row] = await db.select().from(watchlists).where(owned(id, ownerId)).for('update');
  return row;
}

export async function renameOwnedWatchlist(db: Db, id: string, ownerId: string, name: string, now: Date): Promise<WatchlistRow | undefined> {
  const [row] = await db.update(watchlists).set({ name, updatedAt: now }).where(owned(id, ownerId)).returning();
  return row;
}

export async function touchWatchlist(db: Db, id: string, now: Date): Promise<WatchlistRow> {
  const [row] = await db.update(watchlists).set({ updatedAt: now }).where(eq(watchlists.id, id)).returning();
  return row!;
}

export async function deleteOwnedWatchlist(db: Db, id: string, ownerId: string): Promise<boolean> {
  const rows = await db.delete(watchlists).where(owned(id, ownerId)).returning({ id: watchlists.id });
  return rows.length === 1;
}

/** The owners' watchlists in their order, for many owners in one statement. */
export async function findWatchlistsOfOwners(db: Db, ownerIds: readonly string[]): Promise<WatchlistRow[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select()
    .from(watchlists)
    .where(inArray(watchlists.ownerId, [...ownerIds]))
    .orderBy(asc(watchlists.ownerId), asc(watchlists.position), asc(watchlists.id));
}

/** The symbols of many watchlists in one statement, each list in its order. */
export async function findSymbolsOfWatchlists(db: Db, watchlistIds: readonly string[]): Promise<WatchlistSymbolRow[]> {
  if (watchlistIds.length === 0) return [];
  return db
    .select()
    .from(watchlistSymbols)
    .where(inArray(watchlistSymbols.watchlistId, [...watchlistIds]))
    .orderBy(asc(watchlistSymbols.watchlistId), asc(watchlistSymbols.position));
}

/**
 * Replaces a watchlist's symbols with `symbols`, in that order (positions 0…n−1), keeping when
 * each symbol that stays was first added. Callers hold the watchlist's row lock.
 */
export async function replaceSymbols(db: Db, watchlistId: string, symbols: readonly string[], now: Date): Promise<WatchlistSymbolRow[]> {
  const before = await db.delete(watchlistSymbols).where(eq(watchlistSymbols.watchlistId, watchlistId)).returning();
  if (symbols.length === 0) return [];
  const addedAt = new Map(before.map((row) => [row.symbol, row.addedAt]));
  return db
    .insert(watchlistSymbols)
    .values(symbols.map((symbol, position) => ({ watchlistId, symbol, position, addedAt: addedAt.get(symbol) ?? now })))
    .returning();
}
