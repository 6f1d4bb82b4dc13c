import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { oidcModels } from './tables';

export type OidcPayload = Record<string, unknown>;

const live = (now: Date) => or(isNull(oidcModels.expiresAt), gt(oidcModels.expiresAt, now));
const str = (value: unknown) => (typeof value === 'string' ? value : null);

export async function upsertOidcModel(db: Db, kind: string, id: string, payload: OidcPayload, expiresAt: Date | null): Promise<void> {
  const row = {
    kind,
    id,
    payload,
    grantId: str(payload.grantId),
    uid: str(payload.uid),
    accountId: str(payload.accountId),
    clientId: str(payload.clientId),
    expiresAt,
  };
  await db.insert(oidcModels).values(row).onConflictDoUpdate({ target: [oidcModels.kind, oidcModels.id], set: { ...row, consumedAt: null } });
}

export async function findOidcModel(db: Db, kind: string, where: { id: string } | { uid: string }, now: Date) {
  const key = 'id' in where ? eq(oidcModels.id, where.id) : eq(oidcModels.uid, where.uid);
  const [row] = await db.select().from(oidcModels).where(and(eq(oidcModels.kind, kind), key, live(now)));
  return row;
}

export async function consumeOidcModel(db: Db, kind: string, id: string, now: Date): Promise<void> {
  await db.update(oidcModels).set({ consumedAt: now }).where(and(eq(oidcModels.kind, kind), eq(oidcModels.id, id)));
}

export async function destroyOidcModel(db: Db, kind: string, id: string): Promise<void> {
  await db.delete(oidcModels).where(and(eq(oidcModels.kind, kind), eq(oidcModels.id, id)));
}

/** Every token of a grant (RFC 6749 §4.1.2: a reused code revokes what it issued). */
export async function destroyByGrantId(db: Db, grantId: string): Promise<void> {
  await db.delete(oidcModels).where(eq(oidcModels.grantId, grantId));
}

/** Grants of many users (User.authorizedApps), one statement. */
export async function findGrantsOfAccounts(db: Db, accountIds: readonly string[], now: Date) {
  return db
    .select()
    .from(oidcModels)
    .where(and(eq(oidcModels.kind, 'Grant'), inArray(oidcModels.accountId, [...accountIds]), live(now)))
    .orderBy(sql`${oidcModels.payload}->>'iat' desc`);
}

/** Removes a user's grants to one app and everything issued under them; returns how many grants. */
export async function revokeGrantsOf(db: Db, accountId: string, clientId: string): Promise<number> {
  const grants = await db
    .delete(oidcModels)
    .where(and(eq(oidcModels.kind, 'Grant'), eq(oidcModels.accountId, accountId), eq(oidcModels.clientId, clientId)))
    .returning({ id: oidcModels.id });
  if (grants.length > 0) await db.delete(oidcModels).where(inArray(oidcModels.grantId, grants.map((g) => g.id)));
  return grants.length;
}

/** Everything an app was ever issued (the app is being deleted). */
export async function destroyByClientId(db: Db, clientId: string): Promise<void> {
  await db.delete(oidcModels).where(eq(oidcModels.clientId, clientId));
}
