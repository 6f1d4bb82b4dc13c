import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { afterCreatedAtCursor } from './created-at-keyset';
import { oauthClients, type OAuthClientRow } from './tables';

export async function insertOAuthClient(db: Db, client: typeof oauthClients.$inferInsert): Promise<OAuthClientRow> {
  const [row] = await db.insert(oauthClients).values(client).returning();
  return row!;
}

export async function findOAuthClientsByIds(db: Db, ids: readonly string[]): Promise<OAuthClientRow[]> {
  return db.select().from(oauthClients).where(inArray(oauthClients.id, [...ids]));
}

export async function deleteOAuthClient(db: Db, id: string): Promise<boolean> {
  return (await db.delete(oauthClients).where(eq(oauthClients.id, id)).returning({ id: oauthClients.id })).length === 1;
}

export async function updateOAuthClientSecret(db: Db, id: string, secretHash: string): Promise<OAuthClientRow | undefined> {
  const [row] = await db.update(oauthClients).set({ secretHash }).where(eq(oauthClients.id, id)).returning();
  return row;
}

/** Keyset page ordered by (created_at, id), one extra row to tell whether more exist. */
export async function listOAuthClients(db: Db, limit: number, after?: string | null): Promise<OAuthClientRow[]> {
  return db.select().from(oauthClients).where(afterCreatedAtCursor(oauthClients.createdAt, oauthClients.id, after)).orderBy(asc(oauthClients.createdAt), asc(oauthClients.id)).limit(limit + 1);
}

export const oauthClientCursorKey = (client: OAuthClientRow) => [client.createdAt.toISOString(), client.id] as const;
