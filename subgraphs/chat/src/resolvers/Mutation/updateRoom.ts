import { decodeId } from '@mosaic/kit';
import { updateRoom as update } from '../../domain/rooms';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateRoom: NonNullable<MutationResolvers['updateRoom']> = (_parent, args, ctx) => update(ctx, decodeId('Room', args.id), args.input);
