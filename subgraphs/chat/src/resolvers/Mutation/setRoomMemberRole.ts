import { decodeId } from '@mosaic/kit';
import { setRoomMemberRole as setRole } from '../../domain/membership';
import type { MutationResolvers } from '../../resolvers.generated';

export const setRoomMemberRole: NonNullable<MutationResolvers['setRoomMemberRole']> = (_parent, args, ctx) =>
  setRole(ctx, decodeId('Room', args.roomId, 'roomId'), decodeId('User', args.userId, 'userId'), args.role);
