import { ConflictError, ForbiddenError, NotFoundError, UserInputError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteInvitation } from '../data/invitations-repo';
import { countOtherMembers, deleteMember, findMember, insertMember, setMemberRole } from '../data/members-repo';
import { deleteRoom, lockRoom } from '../data/rooms-repo';
import type { MemberRow, RoomRole, RoomRow } from '../data/tables';
import { assertMember, assertNotDirect, assertOwner, isDirect } from './room-access';

/**
 * Membership changes of one room run one after the other (each takes the room's row lock first),
 * so rules such as "a room keeps at least one owner" cannot be broken by two concurrent requests.
 */
type ChatContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/**
 * Joins a public room, or a private room with an invitation (used up). Already a member: nothing
 * changes. The read marker starts at the newest message: history before joining is not unread.
 */
export async function joinRoom(ctx: ChatContext, roomId: string): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  const now = ctx.now();
  const room = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    if (access.membership) return access.room;
    if (isDirect(access.room)) throw new ForbiddenError('This is a direct conversation between other people: nobody can join it.');
    if (access.room.visibility === 'PRIVATE' && !(await deleteInvitation(tx, roomId, viewerId))) {
      throw new ForbiddenError('This room is private: you can join it only when a member invites you.');
    }
    await insertMember(tx, { roomId, userId: viewerId, role: 'MEMBER', joinedAt: now, lastReadMessageId: access.room.lastMessageId });
    return access.room;
  });
  refreshLoaders(ctx.loaders);
  return room;
}

export interface LeaveOutcome {
  roomId: string;
  roomDeleted: boolean;
}

/**
 * Leaves the room. The last owner may not leave while others remain (they would be left with a
 * room nobody can manage): CONFLICT, promote someone first. The last member leaving deletes the
 * room with its history — nobody could read or manage it any more.
 */
export async function leaveRoom(ctx: ChatContext, roomId: string): Promise<LeaveOutcome> {
  const viewerId = ctx.auth.userId();
  const outcome = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    const membership = assertMember(access);
    assertNotDirect(access, 'leave it');
    const others = await countOtherMembers(tx, roomId, viewerId);
    if (others.members === 0) {
      await deleteRoom(tx, roomId);
      return { roomId, roomDeleted: true };
    }
    if (membership.role === 'OWNER' && others.owners === 0) {
      throw new ConflictError('You are the last owner: make another member an owner (setRoomMemberRole) before leaving.', { field: 'roomId' });
    }
    await deleteMember(tx, roomId, viewerId);
    return { roomId, roomDeleted: false };
  });
  refreshLoaders(ctx.loaders);
  return outcome;
}

/** Removes another member (owners may remove owners too: they hold equal rights). Owners only. */
export async function removeRoomMember(ctx: ChatContext, roomId: string, userId: string): Promise<RoomRow> {
  const viewerId = ctx.auth.userId();
  if (userId === viewerId) throw new UserInputError('userId: to remove yourself, use leaveRoom.', 'userId');
  const room = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    assertNotDirect(access, 'remove its members');
    assertOwner(access);
    if (!(await deleteMember(tx, roomId, userId))) throw new NotFoundError('RoomMember');
    return access.room;
  });
  refreshLoaders(ctx.loaders);
  return room;
}

/** Promotes or demotes a member. Owners only; the last owner cannot demote themself. */
export async function setRoomMemberRole(ctx: ChatContext, roomId: string, userId: string, role: RoomRole): Promise<MemberRow> {
  const viewerId = ctx.auth.userId();
  const member = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    assertNotDirect(access, 'change roles in it');
    assertOwner(access);
    const target = userId === viewerId ? access.membership : await findMember(tx, roomId, userId);
    if (!target) throw new NotFoundError('RoomMember');
    if (target.role === role) return target;
    if (userId === viewerId && role === 'MEMBER' && (await countOtherMembers(tx, roomId, viewerId)).owners === 0) {
      throw new ConflictError('You are the last owner: make another member an owner before stepping down.', { field: 'role' });
    }
    return (await setMemberRole(tx, roomId, userId, role))!;
  });
  refreshLoaders(ctx.loaders);
  return member;
}
