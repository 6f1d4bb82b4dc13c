import type { WeatherSettings } from '../env';
import { OfflineProvider } from './offline/provider';
import { OpenMeteoProvider } from './open-meteo/client';
import { OpenWeatherMapProvider } from './openweathermap/client';
import type { WeatherProvider } from './weather-provider';

/** The provider WEATHER_PROVIDER names: offline (default), open-meteo or openweathermap. */
export function createProvider(settings: WeatherSettings, now: () => Date): WeatherProvider {
  const provider = settings.provider;
  switch (provider.kind) {
    case 'open-meteo':
      return new OpenMeteoProvider({ forecastUrl: provider.forecastUrl, geocodingUrl: provider.geocodingUrl, apiKey: provider.apiKey, retry: settings.retry });
    case 'openweathermap':
      return new OpenWeatherMapProvider({ baseUrl: provider.baseUrl, apiKey: provider.apiKey, retry: settings.retry });
    case 'offline':
      return new OfflineProvider(now);
  }
}
