import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteColumns } from './notes-repo';
import { noteShares, notes, type NoteRow, type NoteShareRow, type ShareRole } from './tables';

/** The shares of `userId` among `noteIds` (one statement for a whole batch of notes). */
export async function findSharesOfUser(db: Db, userId: string, noteIds: readonly string[]): Promise<NoteShareRow[]> {
  return db.select().from(noteShares).where(and(eq(noteShares.userId, userId), inArray(noteShares.noteId, [...noteIds])));
}

/** Every share of the given notes, for their owner (one statement for a batch). */
export async function findSharesOfNotes(db: Db, noteIds: readonly string[]): Promise<NoteShareRow[]> {
  return db.select().from(noteShares).where(inArray(noteShares.noteId, [...noteIds])).orderBy(noteShares.noteId, noteShares.createdAt);
}

/** Inserts the share, or changes its role. */
export async function upsertShare(db: Db, share: NoteShareRow): Promise<void> {
  await db.insert(noteShares).values(share).onConflictDoUpdate({ target: [noteShares.noteId, noteShares.userId], set: { role: share.role } });
}

export async function deleteShare(db: Db, noteId: string, userId: string): Promise<void> {
  await db.delete(noteShares).where(and(eq(noteShares.noteId, noteId), eq(noteShares.userId, userId)));
}

/** Shares held by a user (their account was deleted). */
export async function deleteSharesWithUser(db: Db, userId: string): Promise<number> {
  return (await db.delete(noteShares).where(eq(noteShares.userId, userId)).returning({ noteId: noteShares.noteId })).length;
}

/** Notes shared with `userId`, most recently changed first: one statement. */
export async function findNotesSharedWith(db: Db, userId: string, limit: number): Promise<(NoteRow & { role: ShareRole; sharedAt: Date })[]> {
  return db
    .select({ ...noteColumns, role: noteShares.role, sharedAt: noteShares.createdAt })
    .from(noteShares)
    .innerJoin(notes, eq(notes.id, noteShares.noteId))
    .where(eq(noteShares.userId, userId))
    .orderBy(desc(notes.updatedAt), desc(notes.id))
    .limit(limit);
}
