import type { WeatherWarningResolvers } from '../resolvers.generated';

export const WeatherWarning: WeatherWarningResolvers = {
  startsAt: (warning) => new Date(warning.startsAt),
  endsAt: (warning) => new Date(warning.endsAt),
};
