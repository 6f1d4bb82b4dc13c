import { index, integer, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { fileOwnersTable } from '@mosaic/files/attachments';
import { chatSchema, messages } from './tables';

/** Who owns each file (projected from files' events), so a message can attach only its author's own files. */
export const fileOwners = fileOwnersTable(chatSchema);

/** Files attached to a message, in the order the author gave them. A deleted file's rows go with its projection row. */
export const messageAttachments = chatSchema.table(
  'message_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => fileOwners.fileId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] }), index('message_attachments_file_idx').on(t.fileId)],
);

export type MessageAttachmentRow = typeof messageAttachments.$inferSelect;
