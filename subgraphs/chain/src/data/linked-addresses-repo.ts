import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { linkedAddresses, siweChallenges, type LinkedAddressRow } from './tables';

export async function insertChallenge(db: Db, row: typeof siweChallenges.$inferInsert): Promise<void> {
  await db.insert(siweChallenges).values(row);
}

/** Marks the challenge used, once: true only for the first caller, before it expires. */
export async function consumeChallenge(db: Db, nonce: string, userId: string, address: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(siweChallenges)
    .set({ usedAt: now })
    .where(and(eq(siweChallenges.nonce, nonce), eq(siweChallenges.userId, userId), eq(siweChallenges.address, address), isNull(siweChallenges.usedAt), gt(siweChallenges.expiresAt, now)))
    .returning({ nonce: siweChallenges.nonce });
  return rows.length === 1;
}

export async function insertLinkedAddress(db: Db, row: LinkedAddressRow): Promise<LinkedAddressRow> {
  const [inserted] = await db.insert(linkedAddresses).values(row).returning();
  return inserted!;
}

export async function findLinkedAddress(db: Db, address: string): Promise<LinkedAddressRow | null> {
  const [row] = await db.select().from(linkedAddresses).where(eq(linkedAddresses.address, address));
  return row ?? null;
}

export function findLinkedAddressesOf(db: Db, userIds: readonly string[]): Promise<LinkedAddressRow[]> {
  return db.select().from(linkedAddresses).where(inArray(linkedAddresses.userId, [...userIds])).orderBy(desc(linkedAddresses.linkedAt));
}
