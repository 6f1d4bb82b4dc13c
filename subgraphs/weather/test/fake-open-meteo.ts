import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers instead of a forecast, once per scripted entry. */
export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { raw: string; status?: number }
  | { delayMs: number }
  /** Accepts the request and never answers. */
  | { hang: true };

const HOUR = 3_600_000;

/**
 * A local stand-in for Open-Meteo speaking its documented wire format (open-meteo.com/en/docs):
 * `GET /v1/forecast?latitude&longitude&current=…|hourly=…&forecast_hours|daily=…&forecast_days`
 * with `timeformat=unixtime`, and the geocoding API's `GET /v1/search?name&count`. Errors look like
 * Open-Meteo's (`{"error":true,"reason":…}`). Tests script failures, delays and garbage, and read
 * which requests arrived.
 */
export async function startFakeOpenMeteo(options: { now: () => number }) {
  const requests: URL[] = [];
  const scripts: Scripted[] = [];
  /** Gusts (km/h) at an hour's start time (ms); calm by default. */
  let gusts = (_time: number) => 20;
  let latencyMs = 0;
  const places: Record<string, { name: string; latitude: number; longitude: number; timezone: string; country_code: string; country: string; admin1?: string }> = {
    berlin: { name: 'Berlin', latitude: 52.52437, longitude: 13.41053, timezone: 'Europe/Berlin', country_code: 'DE', country: 'Germany', admin1: 'Land Berlin' },
  };

  const forecast = (url: URL) => {
    const latitude = Number(url.searchParams.get('latitude'));
    const longitude = Number(url.searchParams.get('longitude'));
    if (!(latitude >= -90 && latitude <= 90)) return { status: 400, body: { error: true, reason: `Latitude must be in range of -90 to 90°. Given: ${latitude}.` } };
    const base = { latitude, longitude, generationtime_ms: 0.1, utc_offset_seconds: 3600, timezone: 'Europe/Berlin', timezone_abbreviation: 'CET', elevation: 38 };
    const now = options.now();
    if (url.searchParams.has('current')) {
      return { status: 200, body: { ...base, current: { time: Math.floor(now / 900_000) * 900, interval: 900, temperature_2m: 3.4, relative_humidity_2m: 81, apparent_temperature: -0.5, is_day: 1, precipitation: 0.2, weather_code: 61, cloud_cover: 100, pressure_msl: 1009.8, wind_speed_10m: 14.3, wind_direction_10m: 250, wind_gusts_10m: 31.7 } } };
    }
    if (url.searchParams.has('hourly')) {
      const first = Math.floor(now / HOUR) * HOUR;
      const count = Number(url.searchParams.get('forecast_hours') ?? 48);
      const hours = Array.from({ length: count }, (_, i) => first + i * HOUR);
      return {
        status: 200,
        body: {
          ...base,
          hourly: {
            time: hours.map((time) => time / 1000),
            temperature_2m: hours.map((_, i) => 2 + (i % 24) / 4),
            apparent_temperature: hours.map(() => 0),
            precipitation_probability: hours.map(() => 40),
            precipitation: hours.map(() => 0.1),
            weather_code: hours.map(() => 3),
            wind_speed_10m: hours.map(() => 12),
            wind_gusts_10m: hours.map((time) => gusts(time)),
          },
        },
      };
    }
    const days = Number(url.searchParams.get('forecast_days') ?? 7);
    const midnight = Math.floor((now + 3_600_000) / 86_400_000) * 86_400_000 - 3_600_000;
    const times = Array.from({ length: days }, (_, i) => (midnight + i * 86_400_000) / 1000);
    return {
      status: 200,
      body: {
        ...base,
        daily: {
          time: times,
          weather_code: times.map(() => 63),
          temperature_2m_max: times.map(() => 6.1),
          temperature_2m_min: times.map(() => -1.2),
          precipitation_sum: times.map(() => 4.2),
          precipitation_probability_max: times.map(() => 80),
          wind_speed_10m_max: times.map(() => 22),
          wind_gusts_10m_max: times.map(() => 48),
          sunrise: times.map((time) => time + 7 * 3600),
          sunset: times.map((time) => time + 16 * 3600),
          uv_index_max: times.map(() => 1.2),
        },
      },
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const scripted = scripts.shift();
    if (scripted && 'hang' in scripted) return;
    if (scripted && 'delayMs' in scripted) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
    else if (scripted && 'raw' in scripted) {
      res.writeHead(scripted.status ?? 200, { 'content-type': 'application/json' });
      return res.end(scripted.raw);
    } else if (scripted) return send(res, scripted.status, scripted.body ?? { error: true, reason: 'scripted failure' }, scripted.headers);
    if (url.pathname === '/v1/search') {
      const name = (url.searchParams.get('name') ?? '').toLowerCase();
      const found = places[name];
      return send(res, 200, found ? { results: [{ id: 2950159, elevation: 74, feature_code: 'PPLC', ...found }], generationtime_ms: 0.5 } : { generationtime_ms: 0.4 });
    }
    if (url.pathname === '/v1/forecast') {
      const answer = forecast(url);
      return send(res, answer.status, answer.body);
    }
    send(res, 404, { error: true, reason: 'Not found' });
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** Requests for forecasts of one kind (`current`, `hourly`, `daily`) or place searches (`search`). */
    count: (kind: 'current' | 'hourly' | 'daily' | 'search') => requests.filter((r) => (kind === 'search' ? r.pathname === '/v1/search' : r.searchParams.has(kind))).length,
    /** The next responses, in order, whatever is asked. */
    script: (...next: Scripted[]) => scripts.push(...next),
    setGusts: (fn: (time: number) => number) => {
      gusts = fn;
    },
    setLatency: (ms: number) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeOpenMeteo = Awaited<ReturnType<typeof startFakeOpenMeteo>>;
