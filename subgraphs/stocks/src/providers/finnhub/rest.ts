import { z } from 'zod';
import type { CandleInterval } from '../../domain/intervals';
import type { HistoricalCandle, HistoryRequest } from '../market-feed';

/** Finnhub's `resolution` for each of our intervals. */
const RESOLUTION: Record<CandleInterval, string> = { M1: '1', M5: '5', H1: '60', D1: 'D' };

const candleResponse = z.union([
  z.object({ s: z.literal('no_data') }),
  z.object({
    s: z.literal('ok'),
    t: z.array(z.number()),
    o: z.array(z.number()),
    h: z.array(z.number()),
    l: z.array(z.number()),
    c: z.array(z.number()),
    v: z.array(z.number()),
  }),
]);

export class FinnhubRequestError extends Error {}

/**
 * `GET /stock/candle?symbol=&resolution=&from=&to=&token=` → `{ s, t, o, h, l, c, v }` (seconds,
 * decimal prices). Returns candles in minor units via `toMinor`.
 */
export async function fetchFinnhubCandles(
  options: { restUrl: string; apiKey: string; timeoutMs?: number },
  providerSymbol: string,
  request: Omit<HistoryRequest, 'symbol'>,
  toMinor: (price: number) => number,
): Promise<HistoricalCandle[]> {
  const url = new URL(`${options.restUrl.replace(/\/$/, '')}/stock/candle`);
  url.search = new URLSearchParams({
    symbol: providerSymbol,
    resolution: RESOLUTION[request.interval],
    from: String(Math.floor(request.from.getTime() / 1000)),
    to: String(Math.floor(request.to.getTime() / 1000)),
    token: options.apiKey,
  }).toString();
  const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  if (!response.ok) throw new FinnhubRequestError(`Finnhub candles for ${providerSymbol} answered HTTP ${response.status}`);
  const parsed = candleResponse.safeParse(await response.json());
  if (!parsed.success) throw new FinnhubRequestError(`Finnhub candles for ${providerSymbol}: unexpected response shape`);
  const body = parsed.data;
  if (body.s === 'no_data') return [];
  const lengths = new Set([body.t, body.o, body.h, body.l, body.c, body.v].map((column) => column.length));
  if (lengths.size !== 1) throw new FinnhubRequestError(`Finnhub candles for ${providerSymbol}: columns of different lengths`);
  return body.t.map((seconds, i) => ({
    start: seconds * 1000,
    open: toMinor(body.o[i]!),
    high: toMinor(body.h[i]!),
    low: toMinor(body.l[i]!),
    close: toMinor(body.c[i]!),
    volume: Math.round(body.v[i]!),
  }));
}
