import { and, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { logCursors } from './tables';

/** The last block whose logs were published; created at `head` on first use (events from now on). */
export async function readLogCursor(db: Db, chainId: number, head: bigint, now: Date): Promise<bigint> {
  await db.insert(logCursors).values({ chainId, lastBlock: head, updatedAt: now }).onConflictDoNothing();
  const [row] = await db.select({ lastBlock: logCursors.lastBlock }).from(logCursors).where(eq(logCursors.chainId, chainId));
  return row!.lastBlock;
}

/** Moves the cursor from `from` to `to`; false when another replica moved it first. */
export async function advanceLogCursor(db: Db, chainId: number, from: bigint, to: bigint, now: Date): Promise<boolean> {
  const rows = await db
    .update(logCursors)
    .set({ lastBlock: to, updatedAt: now })
    .where(and(eq(logCursors.chainId, chainId), eq(logCursors.lastBlock, from)))
    .returning({ chainId: logCursors.chainId });
  return rows.length === 1;
}
