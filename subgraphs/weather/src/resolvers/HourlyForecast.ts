import type { HourlyForecastResolvers } from '../resolvers.generated';
import { sectionFields } from './sections';

export const HourlyForecast: HourlyForecastResolvers = {
  ...sectionFields,
  hours: ({ hours, units }) => hours.map((hour) => ({ hour, units })),
};
