import { encodeId } from '@mosaic/kit';
import { assertOwnFiles, attachmentReference, findFileOwners, type AttachmentReference } from '@mosaic/files/attachments';
import type { Context } from '../context';
import { fileOwners } from '../data/attachment-tables';
import { insertMessageAttachments } from '../data/attachments-repo';
import type { MessageRow } from '../data/tables';
import { accessTo, mayRead } from './room-access';

/** At most this many files on one message. */
export const MAX_MESSAGE_ATTACHMENTS = 10;

/** The opaque context files sees in tickets (only logged there). */
const contextOf = (roomId: string) => `chat.room:${roomId}`;

/**
 * Attaches files to a message being sent, in its transaction: each must be one of the author's own
 * files (chat's projection of files' uploads), at most MAX_MESSAGE_ATTACHMENTS, none twice —
 * otherwise BAD_USER_INPUT and the transaction (with the message) rolls back.
 */
export async function attachToMessage(tx: Context['db'], message: MessageRow, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const owners = fileIds.length > MAX_MESSAGE_ATTACHMENTS ? [] : await findFileOwners(tx, fileOwners, fileIds);
  assertOwnFiles(owners, fileIds, message.authorId, { max: MAX_MESSAGE_ATTACHMENTS, field: 'input.attachmentIds', encode: (id) => encodeId('File', id) });
  await insertMessageAttachments(tx, fileIds.map((fileId, position) => ({ messageId: message.id, fileId, position })));
}

type ReadContext = Pick<Context, 'auth' | 'viewer' | 'loaders' | 'attachmentLoaders' | 'tickets' | 'now'>;

/**
 * `Message.attachments`: the files as `File` references files resolves for this viewer — anyone
 * who may read the room (a member, or anyone signed in for a public room), checked here again
 * because a message reaches the viewer by several paths. A deleted message has none; someone who
 * left a private room gets none (tickets already handed out expire within minutes).
 */
export async function attachmentsOf(ctx: ReadContext, message: MessageRow): Promise<AttachmentReference[]> {
  const viewerId = ctx.viewer?.userId;
  if (!viewerId || message.deletedAt) return [];
  const rows = await ctx.attachmentLoaders.ofMessage.load(message.id);
  if (rows.length === 0) return [];
  const room = await ctx.loaders.roomById.load(message.roomId);
  if (!room || !mayRead(await accessTo(ctx, room))) return [];
  const now = ctx.now();
  return rows.map((row) => attachmentReference(ctx.tickets, { fileId: row.fileId, ownerId: message.authorId, context: contextOf(room.id), readerId: viewerId }, now));
}
