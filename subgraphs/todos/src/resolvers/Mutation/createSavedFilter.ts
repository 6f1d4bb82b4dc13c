import { createSavedFilter as create } from '../../domain/saved-filters';
import type { MutationResolvers } from '../../resolvers.generated';

export const createSavedFilter: NonNullable<MutationResolvers['createSavedFilter']> = (_parent, args, ctx) => create(ctx, args.input);
