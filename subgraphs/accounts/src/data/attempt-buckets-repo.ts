import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { attemptBuckets } from './tables';

export interface Bucket {
  key: string;
  /** Attempts allowed in a burst. */
  capacity: number;
  /** One attempt drains away every this many seconds. */
  drainSeconds: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one attempt from every bucket, all or none: inside one transaction each bucket is drained
 * for the time since its last attempt and then filled by one, unless that would overflow it — then
 * nothing is taken and the caller learns how long until an attempt is free. Row locks (taken in
 * key order) make concurrent attempts count one by one.
 */
export async function takeFromBuckets(db: Db, buckets: readonly Bucket[], now: Date): Promise<Take> {
  const ordered = [...buckets].sort((a, b) => a.key.localeCompare(b.key));
  const at = now.toISOString();
  try {
    await db.transaction(async (tx) => {
      for (const bucket of ordered) {
        // A clock that steps back (another replica, NTP) must not fill the bucket: elapsed ≥ 0.
        const elapsed = sql`greatest(0, extract(epoch from (${at}::timestamptz - ${attemptBuckets.updatedAt})))`;
        const drained = sql`greatest(0, ${attemptBuckets.level} - ${elapsed} / ${bucket.drainSeconds})`;
        const rows = await tx
          .insert(attemptBuckets)
          .values({ key: bucket.key, level: 1, updatedAt: now })
          .onConflictDoUpdate({
            target: attemptBuckets.key,
            set: { level: sql`${drained} + 1`, updatedAt: sql`greatest(${attemptBuckets.updatedAt}, ${at}::timestamptz)` },
            setWhere: sql`${drained} + 1 <= ${bucket.capacity}`,
          })
          .returning({ level: attemptBuckets.level });
        if (rows.length === 0) throw new BucketFull(bucket);
      }
    });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof BucketFull)) throw error;
    const [row] = await db.select().from(attemptBuckets).where(inArray(attemptBuckets.key, [error.bucket.key]));
    const level = row ? Math.max(0, row.level - Math.max(0, now.getTime() - row.updatedAt.getTime()) / 1000 / error.bucket.drainSeconds) : 0;
    const retryAfterSeconds = Math.max(1, Math.ceil((level + 1 - error.bucket.capacity) * error.bucket.drainSeconds));
    return { ok: false, retryAfterSeconds };
  }
}

class BucketFull extends Error {
  constructor(readonly bucket: Bucket) {
    super(`bucket ${bucket.key} is full`);
  }
}

/** Empties buckets (a proved success: the owner should not pay for earlier mistakes). */
export async function emptyBuckets(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.delete(attemptBuckets).where(inArray(attemptBuckets.key, [...keys]));
}

/** Gives one attempt back (a success should not count against a shared budget). */
export async function giveBack(db: Db, key: string): Promise<void> {
  await db
    .update(attemptBuckets)
    .set({ level: sql`greatest(0, ${attemptBuckets.level} - 1)` })
    .where(inArray(attemptBuckets.key, [key]));
}
