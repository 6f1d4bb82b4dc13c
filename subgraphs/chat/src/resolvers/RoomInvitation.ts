import { userReference } from '@mosaic/kit';
import { roomOf } from '../domain/fields';
import type { RoomInvitationResolvers } from '../resolvers.generated';

export const RoomInvitation: RoomInvitationResolvers = {
  room: (invitation, _args, ctx) => roomOf(ctx, invitation.roomId),
  user: (invitation) => userReference(invitation.userId),
  invitedBy: (invitation) => userReference(invitation.invitedById),
};
