import { count } from 'drizzle-orm';
import type { SubgraphDeps } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter, type TestAuth, type TestDatabase, type TestDeps } from '@mosaic/testing';
import type { BuiltWeather, WeatherDeps } from '../src/build';
import { savedLocations } from '../src/data/tables';
import weatherSubgraph from '../src/index';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  database?: TestDatabase;
  auth?: TestAuth;
  deps?: Partial<Pick<SubgraphDeps & WeatherDeps, 'pubsub' | 'caches' | 'now' | 'provider'>>;
}

/** Fast retries and a quick breaker, unless a test says otherwise. */
const TEST_ENV: NodeJS.ProcessEnv = { WEATHER_RETRY_BACKOFF_MS: '5', WEATHER_TIMEOUT_MS: '1000', WEATHER_BREAKER_COOLDOWN_MS: '1000' };

/** The weather subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startWeather(options: StartOptions = {}) {
  const database = options.database ?? (await createTestDatabase());
  const auth = options.auth ?? (await createTestAuth());
  const counter = new StatementCounter();
  const deps: TestDeps<SubgraphDeps & WeatherDeps> = { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, ...options.deps };
  const served = await serveModuleForTest(weatherSubgraph, deps, { ...TEST_ENV, ...options.env });
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    auth,
    counter,
    call,
    url: served.url,
    built: served.built as BuiltWeather,
    rowCount: async () => (await database.db().select({ n: count() }).from(savedLocations))[0]!.n,
    async close() {
      await served.close();
      if (!options.database) await database.drop();
    },
  };
}

export type WeatherApp = Awaited<ReturnType<typeof startWeather>>;

/** A clock tests move (`clock.advance(ms)`). */
export function testClock(start = Date.parse('2026-01-15T10:20:00Z')) {
  let now = start;
  return { now: () => new Date(now), ms: () => now, advance: (ms: number) => void (now += ms), set: (at: number) => void (now = at) };
}

export const WEATHER = `query($place: String, $coordinates: CoordinatesInput, $units: WeatherUnits) {
  weather(place: $place, coordinates: $coordinates, units: $units) {
    location { name countryCode latitude longitude timeZone }
    current { source { provider simulated } fetchedAt stale ageSeconds temperature windSpeed condition description isDay }
  }
}`;
