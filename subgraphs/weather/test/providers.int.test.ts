import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { startFakeOpenMeteo, type FakeOpenMeteo } from './fake-open-meteo';
import { startFakeOpenWeatherMap } from './fake-openweathermap';
import weatherSubgraph from '../src/index';
import { startWeather, testClock } from './harness';

const clock = testClock(Date.parse('2026-01-15T10:20:00Z'));

const FULL = `query($place: String, $units: WeatherUnits) {
  weather(place: $place, units: $units) {
    location { name countryCode region latitude longitude timeZone }
    units
    current { source { provider simulated attribution } temperature apparentTemperature windSpeed windGusts precipitation condition isDay }
    hourly(hours: 6) { source { provider } stale hours { time temperature windGusts precipitation precipitationProbability condition } }
    daily(days: 10) { days { date temperatureMax temperatureMin precipitation windGustsMax condition sunrise sunset uvIndexMax } }
    source { provider } fetchedAt stale ageSeconds
  }
}`;

describe('Open-Meteo', () => {
  let fake: FakeOpenMeteo;
  beforeAll(async () => {
    fake = await startFakeOpenMeteo({ now: clock.ms });
  });
  afterAll(() => fake.close());

  it('reads current, hourly and daily forecasts in its documented format, in metric or imperial units', async () => {
    const app = await startWeather({ env: { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: fake.url, OPEN_METEO_GEOCODING_URL: fake.url }, deps: { now: clock.now } });
    try {
      const metric = await app.call(FULL, { place: 'Berlin', units: 'METRIC' });
      expect(metric.errors).toBeUndefined();
      const weather = metric.data!.weather;
      expect(weather.location).toEqual({ name: 'Berlin', countryCode: 'DE', region: 'Land Berlin', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin' });
      expect(weather.hourly.hours).toHaveLength(6);
      expect(weather.hourly.hours[0]).toEqual({ time: '2026-01-15T10:00:00.000Z', temperature: 2, windGusts: 20, precipitation: 0.1, precipitationProbability: 40, condition: 'OVERCAST' });
      expect(weather.daily.days).toHaveLength(10);
      expect(weather.daily.days[0]).toMatchObject({ date: '2026-01-15', temperatureMax: 6.1, temperatureMin: -1.2, condition: 'RAIN', sunrise: '2026-01-15T06:00:00.000Z', uvIndexMax: 1.2 });
      expect(weather).toMatchObject({ source: { provider: 'open-meteo' }, stale: false, ageSeconds: 0 });
      const hourly = fake.requests.find((url) => url.searchParams.has('hourly'))!;
      expect(Object.fromEntries(hourly.searchParams)).toMatchObject({ latitude: '52.52', longitude: '13.41', timezone: 'auto', timeformat: 'unixtime', forecast_hours: '48' });
      const imperial = (await app.call(FULL, { place: 'Berlin', units: 'IMPERIAL' })).data!.weather;
      expect(imperial.current).toMatchObject({ temperature: 38.1, windSpeed: 8.9, precipitation: 0.01 });
      expect(imperial.daily.days[0]).toMatchObject({ temperatureMax: 43, temperatureMin: 29.8 });
      // Imperial came from the same cached (metric) answers.
      expect(fake.count('current')).toBe(1);
    } finally {
      await app.close();
    }
  });
});

describe('OpenWeatherMap', () => {
  it('reads One Call 3.0 and its geocoding with the key, converting m/s and condition ids', async () => {
    const fake = await startFakeOpenWeatherMap({ key: 'test-key', now: clock.ms });
    const app = await startWeather({ env: { WEATHER_PROVIDER: 'openweathermap', OPENWEATHERMAP_URL: fake.url, OPENWEATHERMAP_API_KEY: 'test-key' }, deps: { now: clock.now } });
    try {
      const result = await app.call(FULL, { place: 'Tokyo' });
      expect(result.errors).toBeUndefined();
      const weather = result.data!.weather;
      expect(weather.location).toEqual({ name: 'Tokyo', countryCode: 'JP', region: 'Tokyo', latitude: 35.68, longitude: 139.76, timeZone: 'Asia/Tokyo' });
      expect(weather.current).toMatchObject({ source: { provider: 'openweathermap', simulated: false }, temperature: 18.5, windSpeed: 36, windGusts: 72, precipitation: 6.5, condition: 'RAIN', isDay: true });
      expect(weather.hourly.hours[5]).toMatchObject({ condition: 'THUNDERSTORM', precipitation: 12, precipitationProbability: 75, windGusts: 90 });
      // OpenWeatherMap forecasts 8 days, however many are asked for.
      expect(weather.daily.days).toHaveLength(8);
      expect(weather.daily.days[0]).toMatchObject({ date: '2026-01-15', temperatureMax: 22.8, condition: 'CLEAR', sunrise: null, uvIndexMax: 6.3 });
      const call = fake.requests.find((url) => url.pathname === '/data/3.0/onecall' && url.searchParams.get('exclude')!.includes('hourly'))!;
      expect(Object.fromEntries(call.searchParams)).toMatchObject({ units: 'metric', appid: 'test-key' });
      fake.failNext(429, { 'retry-after': '3600' });
      expect(errorCodes(await app.call(`{ weather(coordinates: { latitude: 1, longitude: 1 }) { current { temperature } } }`))).toEqual(['UNAVAILABLE']);
    } finally {
      await app.close();
      await fake.close();
    }
  });

  it('reports a wrong key as the provider refusing (UNAVAILABLE), and needs the key to start', async () => {
    const fake = await startFakeOpenWeatherMap({ key: 'right', now: clock.ms });
    const app = await startWeather({ env: { WEATHER_PROVIDER: 'openweathermap', OPENWEATHERMAP_URL: fake.url, OPENWEATHERMAP_API_KEY: 'wrong' }, deps: { now: clock.now } });
    try {
      const result = await app.call(`{ weather(coordinates: { latitude: 1, longitude: 1 }) { current { temperature } } }`);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'refused' });
      // A refusal is not retried.
      expect(fake.requests).toHaveLength(1);
    } finally {
      await app.close();
      await fake.close();
    }
    expect(() => weatherSubgraph.configure({ WEATHER_PROVIDER: 'openweathermap' })).toThrow(/OPENWEATHERMAP_API_KEY/);
  });
});
