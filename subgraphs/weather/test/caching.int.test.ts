import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { startFakeOpenMeteo, type FakeOpenMeteo } from './fake-open-meteo';
import { startWeather, testClock, WEATHER, type WeatherApp } from './harness';

const MINUTE = 60_000;
const clock = testClock();
let fake: FakeOpenMeteo;
let app: WeatherApp;

beforeAll(async () => {
  fake = await startFakeOpenMeteo({ now: clock.ms });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.requests.length = 0;
  app = await startWeather({ env: { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: fake.url, OPEN_METEO_GEOCODING_URL: fake.url, WEATHER_BREAKER_FAILURES: '5' }, deps: { now: clock.now } });
});
afterEach(() => app.close());

const at = (latitude: number, longitude: number) => ({ coordinates: { latitude, longitude } });
const current = async (variables: Record<string, unknown>) => {
  const result = await app.call(WEATHER, variables);
  return { data: result.data?.weather, errors: result.errors };
};

describe('the weather cache', () => {
  it('answers from Open-Meteo once, then from the cache until the answer is 10 minutes old; nearby points share it', async () => {
    const first = await current(at(52.5201, 13.4049));
    expect(first.errors).toBeUndefined();
    expect(first.data).toMatchObject({
      location: { name: null, latitude: 52.52, longitude: 13.4, timeZone: 'Europe/Berlin' },
      current: { source: { provider: 'open-meteo', simulated: false }, stale: false, ageSeconds: 0, temperature: 3.4, windSpeed: 14.3, condition: 'RAIN', description: 'Slight rain', isDay: true },
    });
    // The provider was asked for the rounded point, the key of the cached answer.
    expect(fake.requests[0]!.searchParams.get('latitude')).toBe('52.52');
    clock.advance(9 * MINUTE);
    expect((await current(at(52.5249, 13.4001))).data!.current).toMatchObject({ stale: false, ageSeconds: 540 });
    expect(fake.count('current')).toBe(1);
    expect(app.built.cache.counters).toMatchObject({ hits: 1, misses: 1, upstreamCalls: 1 });
    clock.advance(2 * MINUTE);
    // Past its lifetime: served stale at once while one refresh runs, then fresh again.
    expect((await current(at(52.52, 13.4))).data!.current).toMatchObject({ stale: true, ageSeconds: 660 });
    await expect.poll(() => fake.count('current')).toBe(2);
    await expect.poll(async () => (await current(at(52.52, 13.4))).data!.current.stale).toBe(false);
  });

  it('sends 100 concurrent identical requests on a cold key to the provider once', async () => {
    fake.setLatency(100);
    try {
      const answers = await Promise.all(Array.from({ length: 100 }, () => current(at(48.85, 2.35))));
      expect(answers.every((answer) => answer.errors === undefined && answer.data!.current.temperature === 3.4)).toBe(true);
      expect(fake.count('current')).toBe(1);
    } finally {
      fake.setLatency(0);
    }
  });

  it('serves the last answer flagged stale, with its age, while the provider fails; UNAVAILABLE when there is none', async () => {
    expect((await current(at(40.42, -3.7))).data!.current.stale).toBe(false);
    clock.advance(25 * MINUTE);
    fake.script({ status: 500 }, { status: 502 }, { status: 503 });
    const stale = await current(at(40.42, -3.7));
    expect(stale.errors).toBeUndefined();
    expect(stale.data!.current).toMatchObject({ stale: true, ageSeconds: 1500, temperature: 3.4 });
    // Three attempts (two retries) were made, then the cached answer was served.
    expect(fake.count('current')).toBe(4);
    fake.script({ status: 500 }, { status: 500 }, { status: 500 });
    const nothing = await current(at(41.39, 2.16));
    expect(errorCodes(nothing)).toEqual(['UNAVAILABLE']);
    expect(nothing.errors![0]!.extensions).toMatchObject({ provider: 'open-meteo', reason: 'server' });
    expect(nothing.errors![0]!.message).toMatch(/not answering/);
  });

  it('never caches garbage: a malformed or wrong-shaped answer is an error, and the next good one is served', async () => {
    // Garbage is not retried (it is not going to get better in a moment).
    fake.script({ raw: '{"latitude": 52.5, "current": ' }, { raw: '<html>busy</html>', status: 200 });
    expect((await current(at(50.11, 8.68))).errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'malformed' });
    expect(errorCodes(await current(at(50.11, 8.68)))).toEqual(['UNAVAILABLE']);
    fake.script({ status: 200, body: { latitude: 50.11, longitude: 8.68, timezone: 'Europe/Berlin', utc_offset_seconds: 3600, current: { time: 1, temperature_2m: 'warm' } } });
    expect(errorCodes(await current(at(50.11, 8.68)))).toEqual(['UNAVAILABLE']);
    fake.script({ status: 200, body: { latitude: 50.11, longitude: 8.68, timezone: 'Europe/Berlin', utc_offset_seconds: 3600, current: { time: 1, temperature_2m: 1, relative_humidity_2m: 1, apparent_temperature: 1, is_day: 1, precipitation: 0, weather_code: 1234, cloud_cover: 1, pressure_msl: 1, wind_speed_10m: 1, wind_direction_10m: 1, wind_gusts_10m: 1 } } });
    expect(errorCodes(await current(at(50.11, 8.68)))).toEqual(['UNAVAILABLE']);
    const good = await current(at(50.11, 8.68));
    expect(good.errors).toBeUndefined();
    expect(good.data!.current).toMatchObject({ temperature: 3.4, stale: false });
  });

  it('honours Retry-After on 429, and gives up at once when asked to wait too long', async () => {
    fake.script({ status: 429, headers: { 'retry-after': '1' }, body: { error: true, reason: 'Too many requests' } });
    const started = Date.now();
    expect((await current(at(59.33, 18.07))).errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    fake.script({ status: 429, headers: { 'retry-after': '3600' } });
    const callsBefore = fake.count('current');
    expect(errorCodes(await current(at(60.17, 24.94)))).toEqual(['UNAVAILABLE']);
    expect(fake.count('current') - callsBefore).toBe(1); // asked once, not retried after the hour it asked for
  });

  it('times out a provider that does not answer, retries, then opens the circuit and stops calling it', async () => {
    const slow = await startWeather({ env: { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: fake.url, WEATHER_TIMEOUT_MS: '150', WEATHER_RETRIES: '1', WEATHER_BREAKER_FAILURES: '2', WEATHER_BREAKER_COOLDOWN_MS: '500' }, deps: { now: clock.now } });
    try {
      const call = (latitude: number) => slow.call(WEATHER, at(latitude, 10));
      fake.script({ hang: true }, { hang: true });
      expect((await call(10)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'timeout' });
      fake.script({ status: 503 }, { status: 503 });
      expect(errorCodes(await call(11))).toEqual(['UNAVAILABLE']);
      expect(slow.built.breaker.state).toBe('open');
      const calls = fake.requests.length;
      expect((await call(12)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'circuit-open' });
      expect(fake.requests.length).toBe(calls);
      await new Promise((resolve) => setTimeout(resolve, 550));
      // Half-open: one trial call; it succeeds and closes the circuit.
      expect((await call(13)).errors).toBeUndefined();
      expect(slow.built.breaker.state).toBe('closed');
    } finally {
      await slow.close();
    }
  });

  it('finds places by name with Open-Meteo geocoding, and refuses unknown places and bad input with the argument', async () => {
    const berlin = await current({ place: 'Berlin' });
    expect(berlin.data!.location).toEqual({ name: 'Berlin', countryCode: 'DE', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin' });
    await current({ place: '  BERLIN ' });
    expect(fake.count('search')).toBe(1);
    const field = async (variables: Record<string, unknown>) => (await app.call(WEATHER, variables)).errors?.[0]?.extensions;
    expect(await field({ place: 'Atlantis' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'place' });
    expect(await field({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'place' });
    expect(await field({ place: 'Berlin', ...at(1, 1) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'place' });
    expect(await field(at(91, 0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinates.latitude' });
    expect(await field(at(0, -180.5))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'coordinates.longitude' });
    expect(await field({ place: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'place' });
    const hours = await app.call(`{ weather(place: "Berlin") { hourly(hours: 49) { hours { time } } } }`);
    expect(hours.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });
});
