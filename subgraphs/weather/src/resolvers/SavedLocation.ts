import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnSavedLocation } from '../domain/saved-locations';
import type { SavedLocationResolvers } from '../resolvers.generated';

export const SavedLocation: SavedLocationResolvers = {
  // `_entities` applies the same rule as `Query.savedLocation`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnSavedLocation(ctx, decodeId('SavedLocation', reference.id)),
  id: (row) => encodeId('SavedLocation', row.id),
  owner: (row) => userReference(row.ownerId),
};
