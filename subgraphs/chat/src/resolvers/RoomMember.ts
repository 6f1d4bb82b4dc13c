import { userReference } from '@mosaic/kit';
import type { RoomMemberResolvers } from '../resolvers.generated';

export const RoomMember: RoomMemberResolvers = {
  user: (member) => userReference(member.userId),
};
