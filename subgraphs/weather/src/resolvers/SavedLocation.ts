import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { findOwnLocation, locationViewOf, warningsOf } from '../domain/saved-locations';
import { thresholdsOf } from '../domain/warnings/evaluate-warnings';
import type { SavedLocationResolvers } from '../resolvers.generated';

export const SavedLocation: SavedLocationResolvers = {
  // `_entities` applies the same rule as `Query.savedLocation`: only the owner resolves it.
  __resolveReference: (reference, ctx) => findOwnLocation(ctx, decodeId('SavedLocation', reference.id)),
  id: (row) => encodeId('SavedLocation', row.id),
  location: (row) => locationViewOf(row),
  thresholds: (row) => thresholdsOf(row),
  weather: (row, args) => ({ location: locationViewOf(row), units: args.units ?? 'METRIC' }),
  warnings: (row, _args, ctx) => warningsOf(ctx, row),
  owner: (row) => userReference(row.ownerId),
};
