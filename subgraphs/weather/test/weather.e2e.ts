import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { warningsTopic } from '../src/domain/warnings/warning-events';

/** Through the gateway, offline (the default provider): weather by name, saved locations on `me`, live warnings. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('weather through the gateway', () => {
  it('answers weather(place: "Berlin") with no network, saying the data is simulated', async () => {
    const result = await graph.call(`{ weather(place: "Berlin") {
      location { name countryCode timeZone }
      current { temperature condition source { provider simulated } }
      hourly(hours: 3) { hours { time } } daily(days: 7) { days { date } }
      source { provider simulated attribution } stale fetchedAt
    } }`);
    expect(result.errors).toBeUndefined();
    const weather = result.data!.weather;
    expect(weather.location).toEqual({ name: 'Berlin', countryCode: 'DE', timeZone: 'Europe/Berlin' });
    expect(weather.current.source).toEqual({ provider: 'offline', simulated: true });
    expect(weather.hourly.hours).toHaveLength(3);
    expect(weather.daily.days).toHaveLength(7);
    expect(weather).toMatchObject({ stale: false, source: { provider: 'offline', simulated: true, attribution: expect.stringMatching(/not a forecast/) } });
  });

  it('streams weatherWarnings to the owner when their thresholds raise one, with the owner resolved by accounts', async () => {
    const { token, userId } = await graph.signUp('weather-e2e@example.com');
    const saved = await graph.call(`mutation { saveWeatherLocation(input: { name: "Home", place: "Berlin", thresholds: { heat: null, frost: null, windGusts: null, heavyRain: null, thunderstorms: false } }) { id warnings { kind } } }`, {}, token);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveWeatherLocation.warnings).toEqual([]);
    const id = saved.data!.saveWeatherLocation.id;
    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), token);
    const updates = collect(client, `subscription { weatherWarnings { location { id name owner { displayName } } warnings { kind severity } } }`);
    try {
      // Change the thresholds once weather listens for this user's warnings (a publish before that is missed).
      await expect.poll(() => graph.listeners(warningsTopic(decodeId('User', userId)))).toBe(1);
      // Any temperature at or above -50 °C is "heat" now: a warning for every coming hour.
      const changed = await graph.call(`mutation($id: ID!) { updateSavedLocation(id: $id, input: { thresholds: { heat: -50 } }) { id } }`, { id }, token);
      expect(changed.errors).toBeUndefined();
      const [update] = await updates.waitFor(1);
      expect(update!.errors, JSON.stringify(update!.errors)).toBeUndefined();
      expect(update!.data!.weatherWarnings).toEqual({ location: { id, name: 'Home', owner: { displayName: 'weather-e2e' } }, warnings: [{ kind: 'HEAT', severity: 'SEVERE' }] });
      const me = await graph.call(`{ me { savedLocations { name warnings { kind } weather(units: IMPERIAL) { units current { temperature } } } } }`, {}, token);
      expect(me.data!.me.savedLocations).toEqual([{ name: 'Home', warnings: [{ kind: 'HEAT' }], weather: { units: 'IMPERIAL', current: { temperature: expect.any(Number) } } }]);
    } finally {
      updates.stop();
      await client.dispose();
    }
  });
});
