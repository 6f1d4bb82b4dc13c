import type { DailyForecastResolvers } from '../resolvers.generated';
import { sectionFields } from './sections';

export const DailyForecast: DailyForecastResolvers = {
  ...sectionFields,
  days: ({ days, units }) => days.map((day) => ({ day, units })),
};
