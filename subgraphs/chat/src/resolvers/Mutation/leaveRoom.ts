import { decodeId } from '@mosaic/kit';
import { leaveRoom as leave } from '../../domain/membership';
import type { MutationResolvers } from '../../resolvers.generated';

export const leaveRoom: NonNullable<MutationResolvers['leaveRoom']> = (_parent, args, ctx) => leave(ctx, decodeId('Room', args.roomId, 'roomId'));
