import { encodeId } from '@mosaic/kit';
import type { RoomMemberResolvers } from '../resolvers.generated';

export const RoomMember: RoomMemberResolvers = {
  user: (member) => ({ id: encodeId('User', member.userId) }),
};
