import { encodeId } from '@mosaic/kit';
import { roomOf } from '../domain/fields';
import type { RoomInvitationResolvers } from '../resolvers.generated';

export const RoomInvitation: RoomInvitationResolvers = {
  room: (invitation, _args, ctx) => roomOf(ctx, invitation.roomId),
  user: (invitation) => ({ id: encodeId('User', invitation.userId) }),
  invitedBy: (invitation) => ({ id: encodeId('User', invitation.invitedById) }),
};
