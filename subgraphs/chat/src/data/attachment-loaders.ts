import type DataLoader from 'dataloader';
import { groupLoader, type Db } from '@mosaic/kit';
import type { MessageAttachmentRow } from './attachment-tables';
import { findAttachmentsOf } from './attachments-repo';

/** Per request, beside `Loaders`: N messages' attachments are one statement. */
export interface AttachmentLoaders {
  ofMessage: DataLoader<string, MessageAttachmentRow[], string>;
}

export function createAttachmentLoaders(db: Db): AttachmentLoaders {
  return { ofMessage: groupLoader((ids: readonly string[]) => findAttachmentsOf(db, ids), (row) => row.messageId, (id) => id) };
}
