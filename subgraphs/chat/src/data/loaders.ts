import DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findInvitationsOf } from './invitations-repo';
import { countMembers, findMemberPages, findMemberships, type MemberPageQuery } from './members-repo';
import { countUnread, findMessagePages, findMessagesByIds, type MessagePageQuery } from './messages-repo';
import { summariseReactions, type ReactionSummary } from './reactions-repo';
import { findRoomsByIds } from './rooms-repo';
import type { InvitationRow, MemberRow, MessageRow, RoomRow } from './tables';

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
}

/** A loader that answers `fallback` for every key without asking the database (anonymous callers). */
const constant = <V>(fallback: V) => new DataLoader<string, V>(async (keys) => keys.map(() => fallback));

function countLoader(fetch: (ids: readonly string[]) => Promise<{ roomId: string; count: number }[]>): DataLoader<string, number> {
  return new DataLoader(async (roomIds) => {
    const counts = new Map((await fetch(roomIds)).map((row) => [row.roomId, Number(row.count)]));
    return roomIds.map((id) => counts.get(id) ?? 0);
  });
}

export function createLoaders(db: Db, viewerId: string | null): Loaders {
  return {
    roomById: rowLoader((ids) => findRoomsByIds(db, ids), (room) => room.id),
    messageById: rowLoader((ids) => findMessagesByIds(db, ids), (message) => message.id),
    membership: viewerId ? rowLoader((ids) => findMemberships(db, viewerId, ids), (member) => member.roomId) : constant(null),
    invitation: viewerId ? rowLoader((ids) => findInvitationsOf(db, viewerId, ids), (invitation) => invitation.roomId) : constant(null),
    unreadCount: viewerId ? countLoader((ids) => countUnread(db, viewerId, ids)) : constant(0),
    memberCount: countLoader((ids) => countMembers(db, ids)),
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
  };
}

/** Rows a list already read: fields of its items then need no statement of their own. */
export function primeRooms(loaders: Loaders, hits: readonly { room: RoomRow; membership: MemberRow | null }[]): void {
  for (const { room, membership } of hits) {
    loaders.roomById.clear(room.id).prime(room.id, room);
    loaders.membership.clear(room.id).prime(room.id, membership);
  }
}
