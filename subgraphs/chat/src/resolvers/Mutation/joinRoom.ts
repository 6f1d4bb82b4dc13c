import { decodeId } from '@mosaic/kit';
import { joinRoom as join } from '../../domain/membership';
import type { MutationResolvers } from '../../resolvers.generated';

export const joinRoom: NonNullable<MutationResolvers['joinRoom']> = (_parent, args, ctx) => join(ctx, decodeId('Room', args.roomId, 'roomId'));
