import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { externalIdentities, externalSignIns } from './tables';

export async function findExternalIdentity(db: Db, provider: string, subject: string) {
  const [row] = await db.select().from(externalIdentities).where(and(eq(externalIdentities.provider, provider), eq(externalIdentities.subject, subject)));
  return row;
}

export async function insertExternalIdentity(db: Db, identity: typeof externalIdentities.$inferInsert): Promise<void> {
  await db.insert(externalIdentities).values(identity).onConflictDoNothing();
}

export async function insertExternalSignIn(db: Db, signIn: typeof externalSignIns.$inferInsert): Promise<void> {
  await db.insert(externalSignIns).values(signIn);
}

/** Takes the pending sign-in for `stateHash` (single use: it is deleted), if still live. */
export async function takeExternalSignIn(db: Db, stateHash: string, provider: string, now: Date) {
  const [row] = await db
    .delete(externalSignIns)
    .where(and(eq(externalSignIns.stateHash, stateHash), eq(externalSignIns.provider, provider), gt(externalSignIns.expiresAt, now)))
    .returning();
  return row;
}
