export type WeatherCondition =
  | 'CLEAR'
  | 'MAINLY_CLEAR'
  | 'PARTLY_CLOUDY'
  | 'OVERCAST'
  | 'FOG'
  | 'DRIZZLE'
  | 'FREEZING_DRIZZLE'
  | 'RAIN'
  | 'FREEZING_RAIN'
  | 'SNOW'
  | 'RAIN_SHOWERS'
  | 'SNOW_SHOWERS'
  | 'THUNDERSTORM'
  | 'THUNDERSTORM_WITH_HAIL';

/** WMO 4677 codes as Open-Meteo documents them. */
const WMO: Record<number, [WeatherCondition, string]> = {
  0: ['CLEAR', 'Clear sky'],
  1: ['MAINLY_CLEAR', 'Mainly clear'],
  2: ['PARTLY_CLOUDY', 'Partly cloudy'],
  3: ['OVERCAST', 'Overcast'],
  45: ['FOG', 'Fog'],
  48: ['FOG', 'Depositing rime fog'],
  51: ['DRIZZLE', 'Light drizzle'],
  53: ['DRIZZLE', 'Moderate drizzle'],
  55: ['DRIZZLE', 'Dense drizzle'],
  56: ['FREEZING_DRIZZLE', 'Light freezing drizzle'],
  57: ['FREEZING_DRIZZLE', 'Dense freezing drizzle'],
  61: ['RAIN', 'Slight rain'],
  63: ['RAIN', 'Moderate rain'],
  65: ['RAIN', 'Heavy rain'],
  66: ['FREEZING_RAIN', 'Light freezing rain'],
  67: ['FREEZING_RAIN', 'Heavy freezing rain'],
  71: ['SNOW', 'Slight snow fall'],
  73: ['SNOW', 'Moderate snow fall'],
  75: ['SNOW', 'Heavy snow fall'],
  77: ['SNOW', 'Snow grains'],
  80: ['RAIN_SHOWERS', 'Slight rain showers'],
  81: ['RAIN_SHOWERS', 'Moderate rain showers'],
  82: ['RAIN_SHOWERS', 'Violent rain showers'],
  85: ['SNOW_SHOWERS', 'Slight snow showers'],
  86: ['SNOW_SHOWERS', 'Heavy snow showers'],
  95: ['THUNDERSTORM', 'Thunderstorm'],
  96: ['THUNDERSTORM_WITH_HAIL', 'Thunderstorm with slight hail'],
  99: ['THUNDERSTORM_WITH_HAIL', 'Thunderstorm with heavy hail'],
};

export const isWmoCode = (code: number) => Object.hasOwn(WMO, code);
export const conditionOf = (code: number): WeatherCondition => WMO[code]?.[0] ?? 'OVERCAST';
export const descriptionOf = (code: number): string => WMO[code]?.[1] ?? 'Unknown';
export const isThunderstorm = (code: number) => code === 95 || code === 96 || code === 99;

/** OpenWeatherMap condition ids (openweathermap.org/weather-conditions) onto the nearest WMO code. */
export function wmoFromOpenWeatherMap(id: number): number {
  if (id >= 200 && id < 300) return 95;
  if (id >= 300 && id < 400) return id >= 312 ? 55 : id >= 301 ? 53 : 51;
  if (id === 500) return 61;
  if (id === 501) return 63;
  if (id >= 502 && id <= 504) return 65;
  if (id === 511) return 66;
  if (id === 520) return 80;
  if (id === 521) return 81;
  if (id === 522 || id === 531) return 82;
  if (id === 600) return 71;
  if (id === 601) return 73;
  if (id === 602) return 75;
  if (id >= 611 && id <= 616) return 67;
  if (id === 620) return 85;
  if (id === 621 || id === 622) return 86;
  if (id >= 700 && id < 800) return 45;
  if (id === 800) return 0;
  if (id === 801) return 1;
  if (id === 802) return 2;
  return 3;
}
