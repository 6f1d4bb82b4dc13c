import { decodeId, encodeId, type SeedContext } from '@mosaic/kit';
import { awaitProjectedFile } from '@mosaic/files/attachments';
import { fileOwners } from './data/attachment-tables';

const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`;
const ATTACH = `mutation($input: NoteAttachmentInput!) { attachFileToNote(input: $input) { id } }`;
const CREATE_LINK = `mutation($noteId: ID!) { createNoteShareLink(noteId: $noteId, expiresInSeconds: 2592000) { url } }`;

/**
 * "Brand assets": a note with the demo user's banner attached and shown inline, with a public
 * share link (files seeds the image first; notes learns of it from `file.uploaded`). Skipped, with
 * a warning, if the event has not arrived in time.
 */
export async function seedNoteAttachment(seed: SeedContext, demoUserId: string): Promise<void> {
  const image = await awaitProjectedFile(seed.db, fileOwners, decodeId('User', demoUserId), 'image/');
  if (!image) return seed.log.warn('no demo image reached notes in time: no note with an inline image');
  const fileId = encodeId('File', image.fileId);
  const body = `# Brand assets\n\nThe banner, inline (an attachment of this note):\n\n![Mosaic banner](attachment:${fileId})\n`;
  const noteId = (await seed.graphql<{ createNote: { id: string } }>(CREATE_NOTE, { input: { title: 'Brand assets', body, tags: ['design'] } }, 'user')).createNote.id;
  await seed.graphql(ATTACH, { input: { noteId, fileId } }, 'user');
  const link = await seed.graphql<{ createNoteShareLink: { url: string } }>(CREATE_LINK, { noteId }, 'user');
  seed.log.info({ url: link.createNoteShareLink.url }, 'demo note with an inline image shared publicly');
}
