import { decodeId } from '@mosaic/kit';
import { findRoom } from '../../domain/rooms';
import type { QueryResolvers } from '../../resolvers.generated';

export const room: NonNullable<QueryResolvers['room']> = (_parent, args, ctx) => findRoom(ctx, decodeId('Room', args.id));
