import { timeZoneOf } from '../domain/weather';
import type { WeatherLocationResolvers } from '../resolvers.generated';

export const WeatherLocation: WeatherLocationResolvers = {
  name: (location) => location.name,
  countryCode: (location) => location.countryCode,
  region: (location) => location.region,
  latitude: (location) => location.point.latitude,
  longitude: (location) => location.point.longitude,
  timeZone: (location, _args, ctx) => timeZoneOf(ctx, location),
};
