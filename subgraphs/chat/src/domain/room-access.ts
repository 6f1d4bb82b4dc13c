import { ConflictError, ForbiddenError, NotFoundError } from '@mosaic/kit';
import type { Context } from '../context';
import type { MemberRow, RoomRow } from '../data/tables';

/**
 * Who may do what in a room — the one place these rules live:
 * - see a room (its name, description, member count): public, or a member, or invited;
 * - read its messages, members and live events: public (anyone signed in) or a member;
 * - post, react, type, invite, mark read: members only (a public room is joined with one call);
 * - change the room, its members and roles, delete others' messages: owners only.
 * A private room someone may not see is FORBIDDEN (its opaque id is not guessable, and the
 * subscription contract distinguishes "not yours" from "does not exist"); an unknown one NOT_FOUND.
 */
type AccessContext = Pick<Context, 'auth' | 'loaders'>;

export interface RoomAccess {
  room: RoomRow;
  /** The viewer's membership; null when they are not a member. */
  membership: MemberRow | null;
}

/** The room and the viewer's membership, batched per request; NOT_FOUND when there is no such room. */
export async function roomAccess(ctx: AccessContext, roomId: string): Promise<RoomAccess> {
  ctx.auth.userId();
  const [room, membership] = await Promise.all([ctx.loaders.roomById.load(roomId), ctx.loaders.membership.load(roomId)]);
  if (!room) throw new NotFoundError('Room');
  return { room, membership };
}

/** The viewer's membership for an already loaded room (batched). */
export async function accessTo(ctx: AccessContext, room: RoomRow): Promise<RoomAccess> {
  ctx.auth.userId();
  return { room, membership: await ctx.loaders.membership.load(room.id) };
}

export const mayRead = (access: RoomAccess): boolean => access.room.visibility === 'PUBLIC' || access.membership !== null;

export async function maySee(ctx: AccessContext, access: RoomAccess): Promise<boolean> {
  return mayRead(access) || (await ctx.loaders.invitation.load(access.room.id)) !== null;
}

export function assertMayRead(access: RoomAccess): void {
  if (!mayRead(access)) throw new ForbiddenError('This room is private: only its members can read it.');
}

export function assertMember(access: RoomAccess): MemberRow {
  if (access.membership) return access.membership;
  throw new ForbiddenError(
    access.room.visibility === 'PUBLIC' ? 'Join the room (joinRoom) before you do this.' : 'Only members of this private room can do this.',
  );
}

export function assertOwner(access: RoomAccess): MemberRow {
  const membership = assertMember(access);
  if (membership.role !== 'OWNER') throw new ForbiddenError("Only the room's owners can do this.");
  return membership;
}

export const isDirect = (room: RoomRow): boolean => room.directKey !== null;

/**
 * A direct conversation's people are fixed (they are what finds it again): it cannot be renamed,
 * nor its members or roles changed, nor left. CONFLICT, saying what to do instead.
 */
export function assertNotDirect(access: RoomAccess, action: string): void {
  if (isDirect(access.room)) {
    throw new ConflictError(`This is a direct conversation: its members are fixed, so you cannot ${action}. For other people, open another one (openDirectConversation) or create a room.`);
  }
}
