import DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findInvitationsOf } from './invitations-repo';
import { findPreviewsOf } from './link-previews-repo';
import { findMentionsOf } from './mentions-repo';
import { countMembers, findMemberPages, findMemberships, type MemberPageQuery } from './members-repo';
import { countUnread, findMessagePages, findMessagesByIds, type MessagePageQuery } from './messages-repo';
import { summariseReactions, type ReactionSummary } from './reactions-repo';
import { findCoMembers } from './co-members-repo';
import { findReaders } from './read-receipts-repo';
import { findRoomsByIds } from './rooms-repo';
import type { PresenceStatus } from '../domain/presence-tracker';
import type { InvitationRow, LinkPreviewRow, MemberRow, MessageRow, RoomRow, ThreadFollowerRow, ThreadRow } from './tables';
import { countThreadUnread, findFollows, findReplyPages, findThreadPages, findThreadsByRoots, type ReplyPageQuery, type ThreadPageQuery } from './threads-repo';

/**
 * Per-request loaders: every list that crosses a relation (`rooms { messages }`,
 * `messages { reactions }`, …) costs one statement per field, whatever the list's length. The
 * viewer's loaders (membership, invitation, unread) answer for the request's viewer only.
 */
export interface Loaders {
  roomById: DataLoader<string, RoomRow | null>;
  messageById: DataLoader<string, MessageRow | null>;
  /** The viewer's membership per room id; null when not a member (or anonymous). */
  membership: DataLoader<string, MemberRow | null>;
  /** The viewer's pending invitation per room id. */
  invitation: DataLoader<string, InvitationRow | null>;
  /** The viewer's unread count per room id. */
  unreadCount: DataLoader<string, number>;
  memberCount: DataLoader<string, number>;
  messagePage: DataLoader<ParentKey<MessagePageQuery>, MessageRow[], string>;
  memberPage: DataLoader<ParentKey<MemberPageQuery>, MemberRow[], string>;
  reactions: DataLoader<string, ReactionSummary[], string>;
  /** The thread whose root is this message id; null when it has no replies. */
  threadByRoot: DataLoader<string, ThreadRow | null>;
  /** The viewer's follow of the thread of this root message id; null when not following. */
  threadFollow: DataLoader<string, ThreadFollowerRow | null>;
  /** The viewer's unread replies per thread root id (0 when not following). */
  threadUnread: DataLoader<string, number>;
  /** Who each message mentions (by message id). */
  mentions: DataLoader<string, { messageId: string; userId: string }[], string>;
  linkPreview: DataLoader<string, LinkPreviewRow | null>;
  replyPage: DataLoader<ParentKey<ReplyPageQuery>, MessageRow[], string>;
  threadPage: DataLoader<ParentKey<ThreadPageQuery>, ThreadRow[], string>;
  /** Who has read each message (read markers at or after it), the author aside. */
  readers: DataLoader<string, { messageId: string; userId: string }[], string>;
  /** Whether the viewer shares a room with this user id (who may see their presence). */
  coMember: DataLoader<string, boolean>;
  /** Presence per user id, read from the shared leases. */
  presence: DataLoader<string, PresenceStatus>;
}

/** A loader that answers `fallback` for every key without asking the database (anonymous callers). */
const constant = <V>(fallback: V) => new DataLoader<string, V>(async (keys) => keys.map(() => fallback));

function countLoader(fetch: (ids: readonly string[]) => Promise<{ id: string; count: number }[]>): DataLoader<string, number> {
  return new DataLoader(async (ids) => {
    const counts = new Map((await fetch(ids)).map((row) => [row.id, Number(row.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

const byRoom = (rows: { roomId: string; count: number }[]) => rows.map((row) => ({ id: row.roomId, count: row.count }));

/** Reads the presence of several people at once (the replica's tracker). */
export type PresenceReader = (userIds: readonly string[]) => Promise<PresenceStatus[]>;

export function createLoaders(db: Db, viewerId: string | null, readPresence: PresenceReader): Loaders {
  return {
    roomById: rowLoader((ids) => findRoomsByIds(db, ids), (room) => room.id),
    messageById: rowLoader((ids) => findMessagesByIds(db, ids), (message) => message.id),
    membership: viewerId ? rowLoader((ids) => findMemberships(db, viewerId, ids), (member) => member.roomId) : constant(null),
    invitation: viewerId ? rowLoader((ids) => findInvitationsOf(db, viewerId, ids), (invitation) => invitation.roomId) : constant(null),
    unreadCount: viewerId ? countLoader(async (ids) => byRoom(await countUnread(db, viewerId, ids))) : constant(0),
    memberCount: countLoader(async (ids) => byRoom(await countMembers(db, ids))),
    messagePage: parentQueryLoader(
      (roomIds, query: MessagePageQuery) => findMessagePages(db, roomIds, query),
      (message) => message.roomId,
      (rows) => rows,
    ),
    memberPage: parentQueryLoader(
      (roomIds, query: MemberPageQuery) => findMemberPages(db, roomIds, query),
      (member) => member.roomId,
      (rows) => rows,
    ),
    reactions: groupLoader(
      (messageIds: readonly string[]) => summariseReactions(db, messageIds, viewerId),
      (summary) => summary.messageId,
      (messageId) => messageId,
    ),
    threadByRoot: rowLoader((ids) => findThreadsByRoots(db, ids), (thread) => thread.rootMessageId),
    threadFollow: viewerId ? rowLoader((ids) => findFollows(db, viewerId, ids), (follow) => follow.rootMessageId) : constant(null),
    threadUnread: viewerId
      ? countLoader(async (ids) => (await countThreadUnread(db, viewerId, ids)).map((row) => ({ id: row.rootMessageId, count: row.count })))
      : constant(0),
    mentions: groupLoader(
      (messageIds: readonly string[]) => findMentionsOf(db, messageIds),
      (mention) => mention.messageId,
      (messageId) => messageId,
    ),
    linkPreview: rowLoader((ids) => findPreviewsOf(db, ids), (preview) => preview.messageId),
    replyPage: parentQueryLoader(
      (rootIds, query: ReplyPageQuery) => findReplyPages(db, rootIds, query),
      (message) => message.threadRootId!,
      (rows) => rows,
    ),
    threadPage: parentQueryLoader(
      (roomIds, query: ThreadPageQuery) => findThreadPages(db, roomIds, query),
      (thread) => thread.roomId,
      (rows) => rows,
    ),
    readers: groupLoader(
      (messageIds: readonly string[]) => findReaders(db, messageIds),
      (reader) => reader.messageId,
      (messageId) => messageId,
    ),
    coMember: viewerId
      ? new DataLoader(async (ids) => {
          const shared = new Set(await findCoMembers(db, viewerId, ids));
          return ids.map((id) => shared.has(id));
        })
      : constant(false),
    presence: new DataLoader((ids) => readPresence(ids)),
  };
}

/** Rows a list already read: fields of its items then need no statement of their own. */
export function primeRooms(loaders: Loaders, hits: readonly { room: RoomRow; membership: MemberRow | null }[]): void {
  for (const { room, membership } of hits) {
    loaders.roomById.clear(room.id).prime(room.id, room);
    loaders.membership.clear(room.id).prime(room.id, membership);
  }
}
