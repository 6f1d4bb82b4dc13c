import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { knownUsers, type KnownUserRow } from './tables';

/**
 * Applies what an event says about a user, unless a newer event was applied already (events of a
 * user arrive in order, but a dead letter can be replayed later) or the account was deleted.
 */
export async function rememberUser(db: Db, user: { userId: string; timeZone: string; changedAt: Date }): Promise<void> {
  await db
    .insert(knownUsers)
    .values({ ...user, deletedAt: null })
    .onConflictDoUpdate({
      target: knownUsers.userId,
      set: { timeZone: sql`excluded.time_zone`, changedAt: sql`excluded.changed_at` },
      setWhere: and(isNull(knownUsers.deletedAt), lt(knownUsers.changedAt, sql`excluded.changed_at`)),
    });
}

/** account.deleted: the user stays as a tombstone (ids are never reused), so nothing can revive them. */
export async function forgetUser(db: Db, userId: string, deletedAt: Date): Promise<void> {
  await db
    .insert(knownUsers)
    .values({ userId, timeZone: 'UTC', changedAt: deletedAt, deletedAt })
    .onConflictDoUpdate({ target: knownUsers.userId, set: { deletedAt: sql`coalesce(${knownUsers.deletedAt}, excluded.deleted_at)` } });
}

/** The live (not deleted) users among `ids`. */
export async function findKnownUsers(db: Db, ids: readonly string[]): Promise<KnownUserRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(knownUsers)
    .where(and(inArray(knownUsers.userId, [...ids]), isNull(knownUsers.deletedAt)));
}

