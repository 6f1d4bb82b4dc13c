import { decodeId } from '@mosaic/kit';
import { findOwnLocation } from '../../domain/saved-locations';
import type { QueryResolvers } from '../../resolvers.generated';

export const savedLocation: NonNullable<QueryResolvers['savedLocation']> = (_parent, args, ctx) => findOwnLocation(ctx, decodeId('SavedLocation', args.id));
