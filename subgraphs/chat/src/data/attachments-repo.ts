import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { messageAttachments, type MessageAttachmentRow } from './attachment-tables';

export async function insertMessageAttachments(db: Db, rows: MessageAttachmentRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(messageAttachments).values(rows);
}

/** The attachments of every message asked for, in one statement. */
export function findAttachmentsOf(db: Db, messageIds: readonly string[]): Promise<MessageAttachmentRow[]> {
  return db
    .select()
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, [...messageIds]))
    .orderBy(asc(messageAttachments.messageId), asc(messageAttachments.position));
}
