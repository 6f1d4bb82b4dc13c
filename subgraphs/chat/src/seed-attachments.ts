import { decodeId, encodeId, type SeedContext } from '@mosaic/kit';
import { awaitProjectedFile } from '@mosaic/files/attachments';
import { fileOwners } from './data/attachment-tables';

const SEND_MESSAGE = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

/**
 * A Lobby message with the demo user's banner image attached (files seeds it first; chat learns
 * of it from `file.uploaded`). Skipped, with a warning, if the event has not arrived in time.
 */
export async function seedChatAttachment(seed: SeedContext, roomId: string, demoUserId: string): Promise<void> {
  const image = await awaitProjectedFile(seed.db, fileOwners, decodeId('User', demoUserId), 'image/');
  if (!image) return seed.log.warn('no demo image reached chat in time: the Lobby has no attachment');
  const attachmentIds = [encodeId('File', image.fileId)];
  await seed.graphql(SEND_MESSAGE, { input: { roomId, text: 'Here is the Mosaic banner (an attachment: every Lobby reader can download it).', attachmentIds } }, 'user');
}
