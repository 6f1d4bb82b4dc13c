import { decodeId, encodeId } from '@mosaic/kit';
import { memberCountOf, viewerRoleOf } from '../domain/fields';
import { listMembers, listMessages } from '../domain/lists';
import { unreadCountOf } from '../domain/read-markers';
import { isDirect } from '../domain/room-access';
import { visibleRoom } from '../domain/rooms';
import { listThreads } from '../domain/threads';
import type { RoomResolvers } from '../resolvers.generated';

export const Room: RoomResolvers = {
  /** `_entities`: the same rule as `Query.room`, except that a room the viewer may not see is null. */
  __resolveReference: (reference, ctx) => visibleRoom(ctx, decodeId('Room', reference.id)),
  id: (room) => encodeId('Room', room.id),
  isDirect: (room) => isDirect(room),
  memberCount: (room, _args, ctx) => memberCountOf(ctx, room),
  members: (room, args, ctx) => listMembers(ctx, room, args),
  messages: (room, args, ctx) => listMessages(ctx, room, args),
  threads: (room, args, ctx) => listThreads(ctx, room, args),
  unreadCount: (room, _args, ctx) => unreadCountOf(ctx, room),
  viewerRole: (room, _args, ctx) => viewerRoleOf(ctx, room),
};
