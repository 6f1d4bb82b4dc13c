import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOUR = 3600;

/**
 * A local stand-in for OpenWeatherMap speaking its documented wire format: One Call API 3.0
 * (`GET /data/3.0/onecall?lat&lon&units=metric&exclude&appid`, wind in m/s, `pop` 0–1) and the
 * Geocoding API (`GET /geo/1.0/direct?q&limit&appid`). A wrong key gets its 401
 * `{"cod":401,"message":…}`; tests can script a 429.
 */
export async function startFakeOpenWeatherMap(options: { key: string; now: () => number }) {
  const requests: URL[] = [];
  let nextStatus: { status: number; headers?: Record<string, string> } | null = null;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(url);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.searchParams.get('appid') !== options.key) return send(401, { cod: 401, message: 'Invalid API key. Please see https://openweathermap.org/faq#error401 for more info.' });
    if (nextStatus) {
      const { status, headers } = nextStatus;
      nextStatus = null;
      return send(status, { cod: status, message: 'Your account is temporary blocked due to exceeding of requests limitation of your subscription type.' }, headers);
    }
    if (url.pathname === '/geo/1.0/direct') {
      return send(200, url.searchParams.get('q')?.toLowerCase().startsWith('tokyo') ? [{ name: 'Tokyo', local_names: { ja: '東京都' }, lat: 35.6828387, lon: 139.7594549, country: 'JP', state: 'Tokyo' }] : []);
    }
    if (url.pathname !== '/data/3.0/onecall') return send(404, { cod: '404', message: 'Internal error' });
    const now = Math.floor(options.now() / 1000);
    const exclude = (url.searchParams.get('exclude') ?? '').split(',');
    const weather = [{ id: 502, main: 'Rain', description: 'heavy intensity rain', icon: '10d' }];
    send(200, {
      lat: Number(url.searchParams.get('lat')),
      lon: Number(url.searchParams.get('lon')),
      timezone: 'Asia/Tokyo',
      timezone_offset: 32400,
      ...(exclude.includes('current')
        ? {}
        : { current: { dt: now, sunrise: now - 3 * HOUR, sunset: now + 5 * HOUR, temp: 18.5, feels_like: 18.1, pressure: 1003, humidity: 88, dew_point: 16.4, uvi: 1.2, clouds: 90, visibility: 8000, wind_speed: 10, wind_deg: 140, wind_gust: 20, weather, rain: { '1h': 6.5 } } }),
      ...(exclude.includes('hourly')
        ? {}
        : { hourly: Array.from({ length: 48 }, (_, i) => ({ dt: Math.floor(now / HOUR) * HOUR + i * HOUR, temp: 18 + i / 10, feels_like: 17.5, pressure: 1003, humidity: 88, clouds: 90, wind_speed: 5, wind_deg: 140, wind_gust: 25, weather: [{ id: i === 5 ? 211 : 500, main: 'Rain', description: 'light rain', icon: '10d' }], pop: 0.75, ...(i === 5 ? { rain: { '1h': 12 } } : {}) })) }),
      ...(exclude.includes('daily')
        ? {}
        : { daily: Array.from({ length: 8 }, (_, i) => ({ dt: Math.floor(now / 86400) * 86400 + 3 * HOUR + i * 86400, sunrise: 0, sunset: 0, temp: { day: 20, min: 14.2, max: 22.8, night: 15, eve: 19, morn: 15 }, pressure: 1004, humidity: 70, wind_speed: 6, wind_gust: 14, wind_deg: 90, weather: [{ id: 800, main: 'Clear', description: 'clear sky', icon: '01d' }], clouds: 0, pop: 0.1, uvi: 6.3 })) }),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext: (status: number, headers?: Record<string, string>) => {
      nextStatus = { status, ...(headers ? { headers } : {}) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
