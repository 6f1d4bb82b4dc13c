import { encodeId } from '@mosaic/kit';
import type { LeaveRoomResultResolvers } from '../resolvers.generated';

export const LeaveRoomResult: LeaveRoomResultResolvers = {
  roomId: (result) => encodeId('Room', result.roomId),
};
