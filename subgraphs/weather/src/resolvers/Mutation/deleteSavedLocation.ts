import { decodeId } from '@mosaic/kit';
import { deleteLocation } from '../../domain/saved-locations';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteSavedLocation: NonNullable<MutationResolvers['deleteSavedLocation']> = async (_parent, args, ctx) => ({ deletedId: await deleteLocation(ctx, decodeId('SavedLocation', args.id)) });
