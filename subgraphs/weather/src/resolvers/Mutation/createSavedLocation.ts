import { createSavedLocation as create } from '../../domain/saved-locations';
import type { MutationResolvers } from '../../resolvers.generated';

export const createSavedLocation: NonNullable<MutationResolvers['createSavedLocation']> = (_parent, args, ctx) => create(ctx, args.input);
