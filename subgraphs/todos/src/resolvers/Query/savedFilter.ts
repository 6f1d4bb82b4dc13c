import { decodeId } from '@mosaic/kit';
import { getSavedFilter } from '../../domain/saved-filters';
import type { QueryResolvers } from '../../resolvers.generated';

export const savedFilter: NonNullable<QueryResolvers['savedFilter']> = (_parent, args, ctx) => getSavedFilter(ctx, decodeId('SavedFilter', args.id));
