import { NotFoundError, UserInputError, pageSize, refreshLoaders, toConnection, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { findMessageInRoom } from '../data/messages-repo';
import type { MessageRow, RoomRow, ThreadRow } from '../data/tables';
import { advanceThreadMarker, follow, recordThreadReply, unfollow } from '../data/threads-repo';
import { decodeReplyCursor, decodeThreadCursor, replyCursorKey, threadCursorKey } from './cursors';
import { accessTo, assertMayRead, assertMember, mayRead } from './room-access';

/**
 * Threads, as in Slack and Mattermost: a reply in a thread (`threadRootId`) belongs to the thread
 * of a message of the main timeline, one level deep. Replies are listed by their thread, not in
 * the room's history nor its unread count; followers (the root's author and every replier
 * automatically, anyone by choice) have an unread count per thread. Live, a reply is a
 * `MessageAdded` whose message has a `threadRoot`.
 */
type Tx = Context['db'];

/** The root of the thread a new reply goes to (same room, not itself a reply in a thread), checked under the room's lock. */
export async function threadRootFor(tx: Tx, rootId: string, roomId: string): Promise<MessageRow> {
  const root = await findMessageInRoom(tx, rootId, roomId);
  if (!root) throw new UserInputError('input.threadRootId: the thread must be started by a message of the same room.', 'input.threadRootId');
  if (root.threadRootId !== null) {
    throw new UserInputError('input.threadRootId: this message is itself a reply in a thread; reply to the thread’s first message (its threadRoot).', 'input.threadRootId');
  }
  return root;
}

/** With the reply, in its transaction: the thread counts it, and its author and the root's author follow the thread. */
export async function recordReply(tx: Tx, root: MessageRow, reply: MessageRow): Promise<void> {
  await recordThreadReply(tx, { rootMessageId: root.id, roomId: root.roomId, replyId: reply.id, at: reply.createdAt });
  await follow(tx, root.id, reply.authorId, reply.id);
  if (root.authorId !== reply.authorId) await follow(tx, root.id, root.authorId, null);
}

type ThreadContext = Pick<Context, 'auth' | 'db' | 'loaders'>;

/**
 * A root message the viewer may act on: a message of a room they are a member of (NOT_FOUND when
 * they may not read the room, as for any message), not itself a reply in a thread.
 */
async function rootForViewer(ctx: ThreadContext, messageId: string): Promise<{ root: MessageRow; thread: ThreadRow | null }> {
  const root = await ctx.loaders.messageById.load(messageId);
  const room = root ? await ctx.loaders.roomById.load(root.roomId) : null;
  const access = room ? await accessTo(ctx, room) : null;
  if (!root || !access || !mayRead(access)) throw new NotFoundError('Message');
  assertMember(access);
  if (root.threadRootId !== null) throw new UserInputError('messageId: this is a reply in a thread; use the thread’s first message (its threadRoot).', 'messageId');
  return { root, thread: await ctx.loaders.threadByRoot.load(root.id) };
}

/** Follows the thread of a message (it may have no replies yet); what was replied so far counts as read. */
export async function followThread(ctx: ThreadContext, messageId: string): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const { root, thread } = await rootForViewer(ctx, messageId);
  await follow(ctx.db, root.id, viewerId, thread?.lastReplyId ?? null);
  refreshLoaders(ctx.loaders);
  return root;
}

/** Stops following; not following changes nothing. Replying again follows again. */
export async function unfollowThread(ctx: ThreadContext, messageId: string): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const { root } = await rootForViewer(ctx, messageId);
  await unfollow(ctx.db, root.id, viewerId);
  refreshLoaders(ctx.loaders);
  return root;
}

/** Moves the viewer's marker in a thread they follow to `upToId` (a reply of it) or its newest reply; only forward. */
export async function markThreadRead(ctx: ThreadContext, messageId: string, upToId: string | null): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const { root, thread } = await rootForViewer(ctx, messageId);
  let upTo = thread?.lastReplyId ?? null;
  if (upToId !== null) {
    const reply = await ctx.loaders.messageById.load(upToId);
    if (!reply || reply.threadRootId !== root.id) throw new UserInputError('upToMessageId: give a reply of this thread.', 'upToMessageId');
    upTo = reply.id;
  }
  if (upTo !== null) await advanceThreadMarker(ctx.db, root.id, viewerId, upTo);
  refreshLoaders(ctx.loaders);
  return root;
}

type FieldContext = Pick<Context, 'auth' | 'loaders'>;

/** `Message.thread`: the thread a (readable) message starts; null without replies, and for replies themselves. */
export async function threadOf(ctx: FieldContext, message: MessageRow): Promise<ThreadRow | null> {
  return message.threadRootId === null ? ctx.loaders.threadByRoot.load(message.id) : null;
}

/** `Message.threadRoot`: same room as the reply, so readable by whoever reads the reply. */
export async function threadRootOf(ctx: FieldContext, message: MessageRow): Promise<MessageRow | null> {
  return message.threadRootId === null ? null : ctx.loaders.messageById.load(message.threadRootId);
}

export async function threadRootMessage(ctx: FieldContext, thread: ThreadRow): Promise<MessageRow> {
  const root = await ctx.loaders.messageById.load(thread.rootMessageId);
  if (!root) throw new NotFoundError('Message');
  return root;
}

export const viewerFollows = async (ctx: FieldContext, thread: ThreadRow): Promise<boolean> => (await ctx.loaders.threadFollow.load(thread.rootMessageId)) !== null;
export const threadUnreadCount = (ctx: FieldContext, thread: ThreadRow): Promise<number> => ctx.loaders.threadUnread.load(thread.rootMessageId);

/** `Thread.replies`: oldest first, one statement for every thread of the operation. */
export async function listReplies(ctx: FieldContext, thread: ThreadRow, args: PageArgs): Promise<Connection<MessageRow>> {
  const limit = pageSize(args.first);
  const rows = await ctx.loaders.replyPage.load({ parentId: thread.rootMessageId, query: { limit, after: args.after ? decodeReplyCursor(args.after) : null } });
  for (const message of rows) ctx.loaders.messageById.prime(message.id, message);
  return toConnection(rows, limit, replyCursorKey, args.after);
}

/** `Room.threads`: most recently replied to first; `followed` narrows to the viewer's. One statement for every room. */
export async function listThreads(ctx: FieldContext, room: RoomRow, args: PageArgs & { followed?: boolean | null }): Promise<Connection<ThreadRow>> {
  const viewerId = ctx.auth.userId();
  assertMayRead(await accessTo(ctx, room));
  const limit = pageSize(args.first);
  const before = args.after ? decodeThreadCursor(args.after) : null;
  const rows = await ctx.loaders.threadPage.load({ parentId: room.id, query: { limit, before, followerId: args.followed ? viewerId : null } });
  for (const thread of rows) ctx.loaders.threadByRoot.prime(thread.rootMessageId, thread);
  return toConnection(rows, limit, threadCursorKey, args.after);
}
