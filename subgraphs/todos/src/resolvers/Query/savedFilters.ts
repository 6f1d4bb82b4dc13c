import { listSavedFilters } from '../../domain/saved-filters';
import type { QueryResolvers } from '../../resolvers.generated';

export const savedFilters: NonNullable<QueryResolvers['savedFilters']> = (_parent, _args, ctx) => listSavedFilters(ctx);
