import { and, asc, count, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { fileOwners, noteAttachments, type NoteAttachment, type NoteAttachmentRow } from './attachment-tables';
import { notes } from './tables';

export async function insertNoteAttachment(db: Db, row: NoteAttachmentRow): Promise<void> {
  await db.insert(noteAttachments).values(row).onConflictDoNothing();
}

/** True when there was such an attachment. */
export async function deleteNoteAttachment(db: Db, noteId: string, fileId: string): Promise<boolean> {
  const rows = await db.delete(noteAttachments).where(and(eq(noteAttachments.noteId, noteId), eq(noteAttachments.fileId, fileId))).returning({ fileId: noteAttachments.fileId });
  return rows.length > 0;
}

export async function countNoteAttachments(db: Db, noteId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(noteAttachments).where(eq(noteAttachments.noteId, noteId));
  return Number(row?.n ?? 0);
}

/** The attachments of every note asked for, oldest first, with their files' types: one statement. */
export function findAttachmentsOf(db: Db, noteIds: readonly string[]): Promise<NoteAttachment[]> {
  return db
    .select({ ...getTableColumns(noteAttachments), contentType: fileOwners.contentType })
    .from(noteAttachments)
    .innerJoin(fileOwners, eq(fileOwners.fileId, noteAttachments.fileId))
    .where(inArray(noteAttachments.noteId, [...noteIds]))
    .orderBy(asc(noteAttachments.noteId), asc(noteAttachments.createdAt), asc(noteAttachments.fileId));
}

/** Serialises attaching to one note (the count limit); false when the transaction cannot change the note. */
export async function lockNoteForAttachments(db: Db, noteId: string): Promise<boolean> {
  const rows = await db.select({ id: notes.id }).from(notes).where(eq(notes.id, noteId)).for('update');
  return rows.length > 0;
}
