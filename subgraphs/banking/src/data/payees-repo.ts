import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { payees, type PayeeRow } from './tables';

export async function insertPayee(db: Db, row: PayeeRow): Promise<PayeeRow | null> {
  const [inserted] = await db.insert(payees).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export function findPayeesOf(db: Db, ownerIds: readonly string[]): Promise<PayeeRow[]> {
  return db.select().from(payees).where(inArray(payees.ownerId, [...ownerIds])).orderBy(desc(payees.createdAt), desc(payees.id));
}

export async function findPayee(db: Db, ownerId: string, id: string): Promise<PayeeRow | null> {
  const [row] = await db.select().from(payees).where(and(eq(payees.ownerId, ownerId), eq(payees.id, id)));
  return row ?? null;
}

export async function isPayeeOf(db: Db, ownerId: string, numberHashes: readonly string[]): Promise<boolean> {
  const rows = await db.select({ id: payees.id }).from(payees).where(and(eq(payees.ownerId, ownerId), inArray(payees.numberHash, [...numberHashes]))).limit(1);
  return rows.length === 1;
}

export async function deletePayee(db: Db, ownerId: string, id: string): Promise<boolean> {
  return (await db.delete(payees).where(and(eq(payees.ownerId, ownerId), eq(payees.id, id))).returning({ id: payees.id })).length === 1;
}

export async function deletePayeesOf(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(payees).where(eq(payees.ownerId, ownerId)).returning({ id: payees.id })).length;
}

export function findPayeesToRewrap(db: Db, activeKeyId: string, limit: number): Promise<PayeeRow[]> {
  return db.select().from(payees).where(ne(payees.keyId, activeKeyId)).limit(limit);
}

export async function savePayeeRewrapped(db: Db, row: PayeeRow, sealed: { name: string; number: string }, keyId: string, numberHash: string): Promise<boolean> {
  const updated = await db
    .update(payees)
    .set({ nameSealed: sealed.name, numberSealed: sealed.number, keyId, numberHash })
    .where(and(eq(payees.id, row.id), eq(payees.keyId, row.keyId)))
    .returning({ id: payees.id });
  return updated.length === 1;
}
