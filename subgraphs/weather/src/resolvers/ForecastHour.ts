import { conditionOf } from '../domain/conditions';
import { convert, maybe } from '../domain/units';
import type { ForecastHourResolvers } from '../resolvers.generated';

export const ForecastHour: ForecastHourResolvers = {
  time: ({ hour }) => new Date(hour.time),
  temperature: ({ hour, units }) => convert.temperature(hour.temperature, units),
  apparentTemperature: ({ hour, units }) => maybe(hour.apparentTemperature, convert.temperature, units),
  precipitation: ({ hour, units }) => maybe(hour.precipitation, convert.precipitation, units),
  precipitationProbability: ({ hour }) => hour.precipitationProbability,
  windSpeed: ({ hour, units }) => maybe(hour.windSpeed, convert.speed, units),
  windGusts: ({ hour, units }) => maybe(hour.windGusts, convert.speed, units),
  condition: ({ hour }) => conditionOf(hour.weatherCode),
  weatherCode: ({ hour }) => hour.weatherCode,
};
