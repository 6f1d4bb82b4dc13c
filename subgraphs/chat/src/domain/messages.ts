import { ConflictError, ForbiddenError, NotFoundError, UserInputError, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { findMessage, findMessageInRoom, insertMessage, markMessageDeleted, updateMessageText } from '../data/messages-repo';
import { deletePreview } from '../data/link-previews-repo';
import { deleteReactionsOf } from '../data/reactions-repo';
import { lockRoom, lockRoomOfMessage, recordMessageSent } from '../data/rooms-repo';
import type { MessageRow } from '../data/tables';
import { snapshotOf } from '../events';
import { attachToMessage } from './attachments';
import { dropStalePreview } from './link-previews';
import { announceMentions } from './live-mentions';
import { recordMentions } from './mentions';
import { nextMessageId } from './message-ids';
import { recordReply, threadRootFor } from './threads';
import { accessTo, assertMayRead, assertMember, mayRead, type RoomAccess } from './room-access';
import { messageTextSchema } from './text';

type ChatContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events' | 'previews'>;

/** `_entities`: a message of a room the viewer may read, or null. */
export async function visibleMessage(ctx: Pick<Context, 'auth' | 'loaders'>, messageId: string): Promise<MessageRow | null> {
  ctx.auth.userId();
  const message = await ctx.loaders.messageById.load(messageId);
  if (!message) return null;
  const room = await ctx.loaders.roomById.load(message.roomId);
  return room && mayRead(await accessTo(ctx, room)) ? message : null;
}

/**
 * The message, under its room's lock (every writer of a room's messages takes it first), with the
 * viewer's access to the room. NOT_FOUND when there is no such message — or when the viewer may
 * not read its room: they learn nothing about its messages, not even that they exist.
 */
export async function lockMessage(tx: Context['db'], messageId: string, viewerId: string): Promise<{ message: MessageRow; access: RoomAccess }> {
  const access = await lockRoomOfMessage(tx, messageId, viewerId);
  const message = access && mayRead(access) ? await findMessage(tx, messageId) : undefined;
  if (!access || !message) throw new NotFoundError('Message');
  return { message, access };
}

/** Ids decoded by the resolver (raw uuids); `text` is validated here. */
export interface SendMessageCommand {
  roomId: string;
  text: unknown;
  replyToId: string | null;
  /** A reply in the thread of this message. */
  threadRootId: string | null;
  /** Files to attach (raw ids); checked in the transaction. */
  attachmentIds?: readonly string[];
}

/**
 * Posts a message. Under the room's lock the new id is made larger than the room's newest one,
 * so ids grow in commit order; its event is written to the outbox in the same transaction.
 */
export async function sendMessage(ctx: ChatContext, command: SendMessageCommand): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const text = validate(messageTextSchema, command.text, 'input.text');
  const now = ctx.now();
  const message = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, command.roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    assertMayRead(access);
    assertMember(access);
    if (command.replyToId !== null && !(await findMessageInRoom(tx, command.replyToId, command.roomId))) {
      throw new UserInputError('input.replyToId: the message you reply to must be a message of the same room.', 'input.replyToId');
    }
    const root = command.threadRootId === null ? null : await threadRootFor(tx, command.threadRootId, command.roomId);
    const id = nextMessageId(access.room.lastMessageId, now);
    const inserted = await insertMessage(tx, {
      id,
      roomId: command.roomId,
      authorId: viewerId,
      text,
      replyToId: command.replyToId,
      threadRootId: root?.id ?? null,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    });
    await attachToMessage(tx, inserted, command.attachmentIds ?? []);
    await recordMessageSent(tx, command.roomId, id, now);
    if (root) await recordReply(tx, root, inserted);
    const mentioned = await recordMentions(tx, inserted);
    await ctx.events.emit(tx, 'chat.message.added', { roomId: inserted.roomId, message: snapshotOf(inserted) });
    await announceMentions(ctx.events, tx, inserted, mentioned);
    return inserted;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.messageById, message.id, message));
  ctx.previews.enqueue(message);
  return message;
}

/** Changes the text of the viewer's own message, while they are still a member. Same text: nothing changes. */
export async function editMessage(ctx: ChatContext, messageId: string, rawText: unknown): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const text = validate(messageTextSchema, rawText, 'text');
  const outcome = await ctx.db.transaction(async (tx) => {
    const { message, access } = await lockMessage(tx, messageId, viewerId);
    if (message.authorId !== viewerId) throw new ForbiddenError('Only its author can edit a message.');
    assertMember(access);
    if (message.deletedAt) throw new ConflictError('This message was deleted; it cannot be edited.');
    if (message.text === text) return { message, linkChanged: false };
    const edited = await updateMessageText(tx, messageId, text, ctx.now());
    const mentioned = await recordMentions(tx, edited);
    const linkChanged = await dropStalePreview(tx, message, edited);
    await ctx.events.emit(tx, 'chat.message.edited', { roomId: edited.roomId, message: snapshotOf(edited) });
    await announceMentions(ctx.events, tx, edited, mentioned);
    return { message: edited, linkChanged };
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.messageById, outcome.message.id, outcome.message));
  if (outcome.linkChanged) ctx.previews.enqueue(outcome.message);
  return outcome.message;
}

/**
 * Soft-deletes a message: its author's or, for an owner, any message of their room. Text
 * and reactions go; the row keeps its place in the history. Deleting again changes nothing.
 */
export async function deleteMessage(ctx: ChatContext, messageId: string): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const outcome = await ctx.db.transaction(async (tx) => {
    const { message, access } = await lockMessage(tx, messageId, viewerId);
    if (message.authorId !== viewerId && access.membership?.role !== 'OWNER') {
      throw new ForbiddenError("Only its author or the room's owners can delete a message.");
    }
    if (message.deletedAt) return message;
    await deleteReactionsOf(tx, messageId);
    await deletePreview(tx, messageId);
    const deleted = await markMessageDeleted(tx, messageId, ctx.now());
    await ctx.events.emit(tx, 'chat.message.deleted', { roomId: deleted.roomId, messageId });
    return deleted;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.messageById, outcome.id, outcome));
  return outcome;
}
