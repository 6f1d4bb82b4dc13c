import type DataLoader from 'dataloader';
import { groupLoader, type TenantDb } from '@mosaic/kit';
import type { NoteAttachment } from './attachment-tables';
import { findAttachmentsOf } from './attachments-repo';

/** Per request, beside `Loaders`: N notes' attachments are one statement (under row-level security). */
export interface AttachmentLoaders {
  ofNote: DataLoader<string, NoteAttachment[], string>;
}

export function createAttachmentLoaders(db: TenantDb): AttachmentLoaders {
  return { ofNote: groupLoader((ids: readonly string[]) => db.run((tx) => findAttachmentsOf(tx, ids)), (row) => row.noteId, (id) => id) };
}
