import { decodeId } from '@mosaic/kit';
import { deleteSavedFilter as remove } from '../../domain/saved-filters';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteSavedFilter: NonNullable<MutationResolvers['deleteSavedFilter']> = (_parent, args, ctx) => remove(ctx, decodeId('SavedFilter', args.id));
