import { ConflictError, NotFoundError, UserInputError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { insertInvitation, listInvitationsOf } from '../data/invitations-repo';
import { findMember } from '../data/members-repo';
import { lockRoom } from '../data/rooms-repo';
import type { InvitationRow } from '../data/tables';
import { assertMember, assertNotDirect } from './room-access';

/** A user sees at most this many pending invitations (newest first), so nobody can flood the list. */
export const MAX_LISTED_INVITATIONS = 100;

/**
 * Invites a user to a private room; any member may invite. The invitee is not looked up: users
 * live in accounts, and an invitation for an id nobody signs in with simply waits unused.
 */
export async function inviteToRoom(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, roomId: string, userId: string): Promise<InvitationRow> {
  const viewerId = ctx.auth.userId();
  if (userId === viewerId) throw new UserInputError('userId: you cannot invite yourself.', 'userId');
  const invitation = await ctx.db.transaction(async (tx) => {
    const access = await lockRoom(tx, roomId, viewerId);
    if (!access) throw new NotFoundError('Room');
    assertMember(access);
    assertNotDirect(access, 'invite people to it');
    if (access.room.visibility === 'PUBLIC') {
      throw new UserInputError('roomId: public rooms need no invitation; anyone signed in can join them.', 'roomId');
    }
    if (await findMember(tx, roomId, userId)) throw new ConflictError('This user is already a member of the room.', { field: 'userId' });
    return insertInvitation(tx, { roomId, userId, invitedById: viewerId, createdAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders);
  return invitation;
}

/** The viewer's pending invitations, newest first. */
export async function invitationsOfViewer(ctx: Pick<Context, 'auth' | 'db'>): Promise<InvitationRow[]> {
  return listInvitationsOf(ctx.db, ctx.auth.userId(), MAX_LISTED_INVITATIONS);
}
