import { encodeId, NotFoundError, refreshLoaders } from '@mosaic/kit';
import { findOwnLocation } from '../domain/saved-locations';
import type { WeatherWarningsUpdateResolvers } from '../resolvers.generated';

export const WeatherWarningsUpdate: WeatherWarningsUpdateResolvers = {
  location: async (event, _args, ctx) => {
    // A subscription's context lives as long as the stream: read the location as it is now.
    refreshLoaders(ctx.loaders);
    const row = await findOwnLocation(ctx, event.locationId);
    if (!row) throw new NotFoundError('SavedLocation', encodeId('SavedLocation', event.locationId));
    return row;
  },
  evaluatedAt: (event) => event.evaluatedAt,
};
