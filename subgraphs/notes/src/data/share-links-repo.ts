import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteShareLinks, type NoteShareLinkRow } from './tables';

export async function insertShareLink(db: Db, link: NoteShareLinkRow): Promise<NoteShareLinkRow> {
  const [row] = await db.insert(noteShareLinks).values(link).returning();
  return row!;
}

export async function findShareLinkByTokenHash(db: Db, tokenHash: string): Promise<NoteShareLinkRow | undefined> {
  const [row] = await db.select().from(noteShareLinks).where(eq(noteShareLinks.tokenHash, tokenHash));
  return row;
}

export async function findShareLinksByIds(db: Db, ids: readonly string[]): Promise<NoteShareLinkRow[]> {
  return db.select().from(noteShareLinks).where(inArray(noteShareLinks.id, [...ids]));
}

/** The links of many notes, newest first per note: one statement. */
export async function findShareLinksOfNotes(db: Db, noteIds: readonly string[]): Promise<NoteShareLinkRow[]> {
  return db.select().from(noteShareLinks).where(inArray(noteShareLinks.noteId, [...noteIds])).orderBy(noteShareLinks.noteId, desc(noteShareLinks.createdAt));
}

/** Revokes once (the first revocation time stays); undefined if there is no such link. */
export async function revokeShareLink(db: Db, id: string, now: Date): Promise<NoteShareLinkRow | undefined> {
  const [revoked] = await db.update(noteShareLinks).set({ revokedAt: now }).where(and(eq(noteShareLinks.id, id), isNull(noteShareLinks.revokedAt))).returning();
  if (revoked) return revoked;
  const [existing] = await db.select().from(noteShareLinks).where(eq(noteShareLinks.id, id));
  return existing;
}
