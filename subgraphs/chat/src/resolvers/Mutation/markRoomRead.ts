import { decodeId } from '@mosaic/kit';
import { markRoomRead as markRead } from '../../domain/read-markers';
import type { MutationResolvers } from '../../resolvers.generated';

export const markRoomRead: NonNullable<MutationResolvers['markRoomRead']> = (_parent, args, ctx) =>
  markRead(ctx, decodeId('Room', args.roomId, 'roomId'), args.upToMessageId ? decodeId('Message', args.upToMessageId, 'upToMessageId') : null);
