import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { notes, type NewNote, type NoteRow } from './tables';

/** Every column but the search document (only SQL reads it) and the co-editing state (only co-editing reads it). */
const { searchDocument: _searchDocument, crdtState: _crdtState, ...columns } = getTableColumns(notes);
export const noteColumns = columns;

/** Where a note is addressed by its owner: anyone else's note is indistinguishable from a missing one. */
const owned = (id: string, ownerId: string) => and(eq(notes.id, id), eq(notes.ownerId, ownerId));

/**
 * The next `updated_at`: now, but always later than the stored value (by at least 1 ms), so two
 * writes within one millisecond, or on a host whose clock is behind, still give distinct versions
 * for optimistic concurrency.
 */
export const nextVersion = (now: Date): SQL => sql`greatest(${now.toISOString()}::timestamptz, ${notes.updatedAt} + interval '1 millisecond')`;

export async function findNotesByIds(db: Db, ids: readonly string[]): Promise<NoteRow[]> {
  return db.select(noteColumns).from(notes).where(inArray(notes.id, [...ids]));
}

export async function findOwnedNote(db: Db, id: string, ownerId: string): Promise<NoteRow | undefined> {
  const [row] = await db.select(noteColumns).from(notes).where(owned(id, ownerId));
  return row;
}

/** Locks the row for the rest of the transaction: read-modify-write of tags must not lose a concurrent change. */
export async function findOwnedNoteForUpdate(db: Db, id: string, ownerId: string): Promise<NoteRow | undefined> {
  const [row] = await db.select(noteColumns).from(notes).where(owned(id, ownerId)).for('update');
  return row;
}

export async function insertNote(db: Db, note: NewNote): Promise<NoteRow> {
  const [row] = await db.insert(notes).values(note).returning(noteColumns);
  return row!;
}

export type NoteChanges = Partial<Pick<NoteRow, 'title' | 'body' | 'tags'>>;

/**
 * Applies `changes` if the note is the owner's and, when `expectedUpdatedAt` is given, still at
 * that version — one statement, so the check and the write cannot be separated by another write.
 * Undefined when nothing matched (the caller tells missing from changed).
 */
export async function updateOwnedNote(
  db: Db,
  target: { id: string; ownerId: string; expectedUpdatedAt?: Date | undefined },
  changes: NoteChanges,
  now: Date,
): Promise<NoteRow | undefined> {
  const [row] = await db
    .update(notes)
    .set({ ...changes, updatedAt: nextVersion(now) })
    .where(and(owned(target.id, target.ownerId), target.expectedUpdatedAt ? eq(notes.updatedAt, target.expectedUpdatedAt) : undefined))
    .returning(noteColumns);
  return row;
}

/** Sets `pinned`; the version moves only if the value actually changes. */
export async function setPinned(db: Db, id: string, ownerId: string, pinned: boolean, now: Date): Promise<NoteRow | undefined> {
  const [row] = await db
    .update(notes)
    .set({ pinned, updatedAt: sql`case when ${notes.pinned} = ${pinned}::boolean then ${notes.updatedAt} else ${nextVersion(now)} end` })
    .where(owned(id, ownerId))
    .returning(noteColumns);
  return row;
}

/** Archives (keeping the first archive time) or unarchives; the version moves only on a real change. */
export async function setArchived(db: Db, id: string, ownerId: string, archived: boolean, now: Date): Promise<NoteRow | undefined> {
  const unchanged = archived ? sql`${notes.archivedAt} is not null` : sql`${notes.archivedAt} is null`;
  const [row] = await db
    .update(notes)
    .set({
      archivedAt: archived ? sql`coalesce(${notes.archivedAt}, ${now.toISOString()}::timestamptz)` : null,
      updatedAt: sql`case when ${unchanged} then ${notes.updatedAt} else ${nextVersion(now)} end`,
    })
    .where(owned(id, ownerId))
    .returning(noteColumns);
  return row;
}

export async function deleteOwnedNote(db: Db, id: string, ownerId: string): Promise<boolean> {
  const rows = await db.delete(notes).where(owned(id, ownerId)).returning({ id: notes.id });
  return rows.length === 1;
}

/** Every note of a user. */
export async function deleteNotesOfOwner(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(notes).where(eq(notes.ownerId, ownerId)).returning({ id: notes.id })).length;
}

/** The body follows the co-editing document's text (the caller holds the row lock); the version moves like on every write. */
export async function setBodyFromDocument(db: Db, noteId: string, body: string, now: Date): Promise<NoteRow | undefined> {
  const [row] = await db.update(notes).set({ body, updatedAt: nextVersion(now) }).where(eq(notes.id, noteId)).returning(noteColumns);
  return row;
}
