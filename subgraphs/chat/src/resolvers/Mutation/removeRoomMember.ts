import { decodeId } from '@mosaic/kit';
import { removeRoomMember as remove } from '../../domain/membership';
import type { MutationResolvers } from '../../resolvers.generated';

export const removeRoomMember: NonNullable<MutationResolvers['removeRoomMember']> = (_parent, args, ctx) =>
  remove(ctx, decodeId('Room', args.roomId, 'roomId'), decodeId('User', args.userId, 'userId'));
