import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCacheStores, createRedisPubSub, encodeId, uuidv7 } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, errorCodes, testLogger, wsClient } from '@mosaic/testing';
import { startFakeOpenMeteo, type FakeOpenMeteo } from './fake-open-meteo';
import { startWeather, testClock, type WeatherApp } from './harness';

const MINUTE = 60_000;
const clock = testClock(Date.parse('2026-01-15T10:20:00Z'));
let fake: FakeOpenMeteo;
let app: WeatherApp;
beforeAll(async () => {
  fake = await startFakeOpenMeteo({ now: clock.ms });
  app = await startWeather({ env: { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: fake.url, OPEN_METEO_GEOCODING_URL: fake.url, WEATHER_MAX_LOCATIONS_PER_USER: '3' }, deps: { now: clock.now } });
});
afterAll(async () => {
  await app.close();
  await fake.close();
});

const SAVE = `mutation($input: SaveWeatherLocationInput!) {
  saveWeatherLocation(input: $input) { id name location { name latitude longitude timeZone } thresholds { windGusts heat frost heavyRain thunderstorms } warnings { kind } owner { id } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateSavedLocationInput!) { updateSavedLocation(id: $id, input: $input) { id name thresholds { windGusts heat } warnings { kind severity peak } } }`;
const DELETE = `mutation($id: ID!) { deleteSavedLocation(id: $id) { deletedId } }`;
const LIST_OF = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { savedLocations { name weather { current { temperature } } } } } }`;
const WARNINGS = `subscription($locationId: ID) { weatherWarnings(locationId: $locationId) { location { id name } warnings { kind severity startsAt peak message } evaluatedAt } }`;

describe('saved locations', () => {
  it('are saved by place or coordinates with default thresholds, read back by their owner only, renamed and deleted', async () => {
    const owner = await app.auth.newUser();
    const saved = await app.call(SAVE, { input: { name: ' Home ', place: 'Berlin' } }, owner.token);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveWeatherLocation).toMatchObject({
      name: 'Home',
      location: { name: 'Berlin', latitude: 52.52, longitude: 13.41, timeZone: 'Europe/Berlin' },
      thresholds: { windGusts: 75, heat: 30, frost: 0, heavyRain: 10, thunderstorms: true },
      owner: { id: owner.publicId },
    });
    const id = saved.data!.saveWeatherLocation.id;
    // The fake forecast dips below 0 °C? No: 2 to 7.75 °C, gusts 20: nothing to warn about.
    expect(saved.data!.saveWeatherLocation.warnings).toEqual([]);
    const boat = await app.call(SAVE, { input: { name: 'Boat', coordinates: { latitude: 54.3233, longitude: 10.1228 }, thresholds: { windGusts: 15, frost: null } } }, owner.token);
    expect(boat.data!.saveWeatherLocation).toMatchObject({ location: { name: null, latitude: 54.32, longitude: 10.12 }, thresholds: { windGusts: 15, frost: null }, warnings: [{ kind: 'WIND_GUSTS' }] });
    const read = `query($id: ID!) { savedLocation(id: $id) { name } }`;
    expect((await app.call(read, { id }, owner.token)).data).toEqual({ savedLocation: { name: 'Home' } });
    const stranger = await app.auth.newUser();
    expect((await app.call(read, { id }, stranger.token)).data).toEqual({ savedLocation: null });
    expect(errorCodes(await app.call(UPDATE, { id, input: { name: 'Mine now' } }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(DELETE, { id }, stranger.token))).toEqual(['NOT_FOUND']);
    expect((await app.call(UPDATE, { id, input: { name: 'Flat' } }, owner.token)).data!.updateSavedLocation.name).toBe('Flat');
    expect((await app.call(DELETE, { id }, owner.token)).data).toEqual({ deleteSavedLocation: { deletedId: id } });
    expect((await app.call(read, { id }, owner.token)).data).toEqual({ savedLocation: null });
  });

  it('refuse bad input with the field, unknown places, more than the allowed number — writing nothing', async () => {
    const user = await app.auth.newUser();
    const before = await app.rowCount();
    const field = async (input: Record<string, unknown>) => (await app.call(SAVE, { input }, user.token)).errors?.[0]?.extensions;
    expect(await field({ name: '', place: 'Berlin' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await field({ name: 'x', place: 'Atlantis' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.place' });
    expect(await field({ name: 'x' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.place' });
    expect(await field({ name: 'x', coordinates: { latitude: -91, longitude: 0 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.coordinates.latitude' });
    expect(await field({ name: 'x', place: 'Berlin', thresholds: { windGusts: 5000 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.thresholds.windGusts' });
    expect(await field({ name: 'x', place: 'Berlin', thresholds: { thunderstorms: null } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.thresholds.thunderstorms' });
    expect(await app.rowCount()).toBe(before);
    for (let i = 0; i < 3; i++) expect((await app.call(SAVE, { input: { name: `n${i}`, place: 'Berlin' } }, user.token)).errors).toBeUndefined();
    expect(errorCodes(await app.call(SAVE, { input: { name: 'one more', place: 'Berlin' } }, user.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.call(SAVE, { input: { name: 'x', place: 'Berlin' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(UPDATE, { id: encodeId('Link', uuidv7()), input: {} }, user.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('User.savedLocations for 2 users and for 10 costs the same SQL, with their weather from the cache', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const owners: { publicId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const owner = await app.auth.newUser();
      await app.call(SAVE, { input: { name: `spot ${i}`, coordinates: { latitude: 40 + i, longitude: 5 } } }, owner.token);
      owners.push(owner);
    }
    const statementsFor = async (n: number) => {
      app.counter.reset();
      const result = await app.call(LIST_OF, { reps: owners.slice(0, n).map((owner) => ({ __typename: 'User', id: owner.publicId })) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(LIST_OF, { reps: [{ __typename: 'User', id: owners[0]!.publicId }] }, stranger.token))).toEqual(['FORBIDDEN']);
  });
});

describe('weatherWarnings', () => {
  it('announces a location’s warnings when a refreshed forecast changes them, and when its thresholds do', async () => {
    const owner = await app.auth.newUser();
    const saved = (await app.call(SAVE, { input: { name: 'Pier', coordinates: { latitude: 53.55, longitude: 9.99 } } }, owner.token)).data!.saveWeatherLocation;
    const other = (await app.call(SAVE, { input: { name: 'Other', coordinates: { latitude: 48, longitude: 11 } } }, owner.token)).data!.saveWeatherLocation;
    const client = wsClient(app.url.replace('http', 'ws'), owner.token);
    const updates = collect(client, WARNINGS, { locationId: saved.id });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A storm appears in the forecast; the cached one is still fresh, so nothing happens yet.
      const storm = Date.parse('2026-01-15T15:00:00Z');
      fake.setGusts((time) => (time >= storm && time < storm + 3 * 3_600_000 ? 105 : 20));
      await app.built.warnings.refreshAll();
      expect(updates.results).toHaveLength(0);
      // Once it expires, the periodic pass refreshes it and the change is announced.
      clock.advance(31 * MINUTE);
      await app.built.warnings.refreshAll();
      await app.built.warnings.settled();
      const [first] = await updates.waitFor(1);
      expect(first!.data!.weatherWarnings).toMatchObject({
        location: { id: saved.id, name: 'Pier' },
        warnings: [{ kind: 'WIND_GUSTS', severity: 'SEVERE', peak: 105, message: 'Wind gusts up to 105 km/h' }],
      });
      // Refreshed again with the same forecast: no new update.
      clock.advance(31 * MINUTE);
      await app.built.warnings.refreshAll();
      await app.built.warnings.settled();
      // Raising the threshold above the storm clears the warning at once.
      await app.call(UPDATE, { id: saved.id, input: { thresholds: { windGusts: 150 } } }, owner.token);
      const [, cleared] = await updates.waitFor(2);
      expect(cleared!.data!.weatherWarnings.warnings).toEqual([]);
      expect(updates.results).toHaveLength(2);
      expect(other.id).not.toBe(saved.id);
    } finally {
      fake.setGusts(() => 20);
      updates.stop();
      await client.dispose();
    }
  });

  it('refuses another user’s location and anonymous subscribers', async () => {
    const owner = await app.auth.newUser();
    const saved = (await app.call(SAVE, { input: { name: 'Mine', place: 'Berlin' } }, owner.token)).data!.saveWeatherLocation;
    const stranger = await app.auth.newUser();
    const client = wsClient(app.url.replace('http', 'ws'), stranger.token);
    const refused = collect(client, WARNINGS, { locationId: saved.id });
    const [result] = await refused.waitFor(1);
    expect(errorCodes(result as never)).toEqual(['NOT_FOUND']);
    await client.dispose();
    const anonymous = wsClient(app.url.replace('http', 'ws'));
    const [refusedAnonymous] = await collect(anonymous, WARNINGS).waitFor(1);
    expect(errorCodes(refusedAnonymous as never)).toEqual(['UNAUTHENTICATED']);
    await anonymous.dispose();
  });
});

describe('weather replicas sharing Redis', () => {
  it('share cached answers: one replica fetches, the other answers from Redis without calling the provider', async () => {
    const database = await createTestDatabase();
    const auth = await createTestAuth();
    const prefix = `mosaic-test-${process.pid}-${Date.now()}:`;
    const opened = await Promise.all([0, 1].map(async () => ({ caches: await createRedisCacheStores(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', testLogger, `${prefix}cache:`), pubsub: await createRedisPubSub(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', testLogger, prefix) })));
    const env = { WEATHER_PROVIDER: 'open-meteo', OPEN_METEO_URL: fake.url, OPEN_METEO_GEOCODING_URL: fake.url };
    const [a, b] = await Promise.all(opened.map((deps) => startWeather({ database, auth, env, deps: { ...deps, now: clock.now } })));
    try {
      const query = `{ weather(coordinates: { latitude: -12.05, longitude: -77.04 }) { current { temperature stale } hourly { hours { time } } } }`;
      const before = fake.requests.length;
      expect((await a!.call(query)).errors).toBeUndefined();
      expect(fake.requests.length).toBe(before + 2);
      expect((await b!.call(query)).data!.weather.current).toEqual({ temperature: 3.4, stale: false });
      expect(fake.requests.length).toBe(before + 2);
      expect(b!.built.cache.counters).toMatchObject({ hits: 2, upstreamCalls: 0 });
    } finally {
      await a!.close();
      await b!.close();
      for (const { caches, pubsub } of opened) {
        await caches.close();
        await pubsub.close();
      }
      await database.drop();
    }
  });
});
