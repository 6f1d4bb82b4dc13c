import { decodeId } from '@mosaic/kit';
import { findOwnSavedLocation } from '../../domain/saved-locations';
import type { QueryResolvers } from '../../resolvers.generated';

export const savedLocation: NonNullable<QueryResolvers['savedLocation']> = (_parent, args, ctx) => findOwnSavedLocation(ctx, decodeId('SavedLocation', args.id));
