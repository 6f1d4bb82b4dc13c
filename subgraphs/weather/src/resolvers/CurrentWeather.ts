import { conditionOf, descriptionOf } from '../domain/conditions';
import { convert, maybe } from '../domain/units';
import type { CurrentWeatherResolvers } from '../resolvers.generated';
import { sectionFields } from './sections';

export const CurrentWeather: CurrentWeatherResolvers = {
  ...sectionFields,
  time: ({ cached }) => new Date(cached.value.current.time),
  temperature: ({ cached, units }) => convert.temperature(cached.value.current.temperature, units),
  apparentTemperature: ({ cached, units }) => maybe(cached.value.current.apparentTemperature, convert.temperature, units),
  humidity: ({ cached }) => cached.value.current.humidity,
  precipitation: ({ cached, units }) => maybe(cached.value.current.precipitation, convert.precipitation, units),
  windSpeed: ({ cached, units }) => convert.speed(cached.value.current.windSpeed, units),
  windGusts: ({ cached, units }) => maybe(cached.value.current.windGusts, convert.speed, units),
  windDirection: ({ cached }) => cached.value.current.windDirection,
  cloudCover: ({ cached }) => cached.value.current.cloudCover,
  pressure: ({ cached }) => cached.value.current.pressure,
  condition: ({ cached }) => conditionOf(cached.value.current.weatherCode),
  weatherCode: ({ cached }) => cached.value.current.weatherCode,
  description: ({ cached }) => descriptionOf(cached.value.current.weatherCode),
  isDay: ({ cached }) => cached.value.current.isDay,
};
