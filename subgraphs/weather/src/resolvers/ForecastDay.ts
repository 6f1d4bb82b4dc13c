import { conditionOf } from '../domain/conditions';
import { convert, maybe } from '../domain/units';
import type { ForecastDayResolvers } from '../resolvers.generated';

export const ForecastDay: ForecastDayResolvers = {
  date: ({ day }) => day.date,
  temperatureMax: ({ day, units }) => convert.temperature(day.temperatureMax, units),
  temperatureMin: ({ day, units }) => convert.temperature(day.temperatureMin, units),
  precipitation: ({ day, units }) => maybe(day.precipitation, convert.precipitation, units),
  precipitationProbability: ({ day }) => day.precipitationProbability,
  windSpeedMax: ({ day, units }) => maybe(day.windSpeedMax, convert.speed, units),
  windGustsMax: ({ day, units }) => maybe(day.windGustsMax, convert.speed, units),
  condition: ({ day }) => conditionOf(day.weatherCode),
  weatherCode: ({ day }) => day.weatherCode,
  sunrise: ({ day }) => (day.sunrise === null ? null : new Date(day.sunrise)),
  sunset: ({ day }) => (day.sunset === null ? null : new Date(day.sunset)),
  uvIndexMax: ({ day }) => day.uvIndexMax,
};
