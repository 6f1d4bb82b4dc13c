import { sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';

/**
 * Serialises one owner's writes of one kind until the transaction ends (a per-user limit checked
 * and a row inserted must not interleave with another such pair). Works on PostgreSQL and PGlite.
 */
export async function lockOwner(tx: Db, scope: 'watchlists' | 'alerts', ownerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stocks:${scope}:${ownerId}`}))`);
}
