import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { linkPreviews, type LinkPreviewRow } from './tables';

export async function findPreviewsOf(db: Db, messageIds: readonly string[]): Promise<LinkPreviewRow[]> {
  return db.select().from(linkPreviews).where(inArray(linkPreviews.messageId, [...messageIds]));
}

/** The message's preview becomes this one (an edit to another link replaces it). */
export async function storePreview(db: Db, preview: LinkPreviewRow): Promise<void> {
  await db
    .insert(linkPreviews)
    .values(preview)
    .onConflictDoUpdate({ target: linkPreviews.messageId, set: { ...preview } });
}

export async function deletePreview(db: Db, messageId: string): Promise<void> {
  await db.delete(linkPreviews).where(eq(linkPreviews.messageId, messageId));
}
