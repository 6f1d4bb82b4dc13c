import { decodeId } from '@mosaic/kit';
import { updateLocation } from '../../domain/saved-locations';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateSavedLocation: NonNullable<MutationResolvers['updateSavedLocation']> = (_parent, args, ctx) => updateLocation(ctx, decodeId('SavedLocation', args.id), args.input);
