import { index, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fileOwnersTable } from '@mosaic/files/attachments';
import { notes, notesSchema } from './tables';

/** Who owns each file (projected from files' events), so only one's own files can be attached. */
export const fileOwners = fileOwnersTable(notesSchema);

/**
 * Files attached to a note (images can be shown inline: `![alt](attachment:<File id>)`).
 * `attachedBy` owns the file: tickets name them, and files honours a ticket only while they do.
 * Seen exactly when the note is seen (row-level security, migration 0011).
 */
export const noteAttachments = notesSchema.table(
  'note_attachments',
  {
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => fileOwners.fileId, { onDelete: 'cascade' }),
    attachedBy: uuid('attached_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.fileId] }), index('note_attachments_file_idx').on(t.fileId)],
);

export type NoteAttachmentRow = typeof noteAttachments.$inferSelect;
/** An attachment with what the renderer needs to know about its file. */
export type NoteAttachment = NoteAttachmentRow & { contentType: string };
