import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMISSION_HEADER, createMemoryPubSub } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { startStocks, type StocksApp } from './harness';
import type { ManualFeed } from './manual-feed';
import { trade } from './trades';
import { observedPubSub } from './observed-pubsub';
import { waitFor, wsUrl } from './wait';

let app: StocksApp;
let feed: ManualFeed;
const pubsub = observedPubSub(createMemoryPubSub());
beforeAll(async () => {
  app = await startStocks({ pubsub });
  feed = app.feed as ManualFeed;
});
afterAll(() => app.close());

async function admit(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ADMISSION_HEADER]: '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const QUOTES = `subscription($symbols: [String!]!) { quotes(symbols: $symbols) { symbol last bid ask previousClose changePercent dayVolume at instrument { name currency } } }`;

describe('admission (the gateway asks before it subscribes)', () => {
  it('admits quotes with a share key from the sorted symbol set, conflated by symbol', async () => {
    expect(await admit(QUOTES, { symbols: ['msft', 'AAPL', 'MSFT'] })).toEqual({ admitted: true, shareKey: 'shared:quotes:AAPL,MSFT', conflateBy: 'symbol' });
    expect(await admit(QUOTES, { symbols: ['AAPL', 'MSFT'] })).toEqual({ admitted: true, shareKey: 'shared:quotes:AAPL,MSFT', conflateBy: 'symbol' });
    expect(await admit(`subscription { candles(symbol: "acme", interval: M5) { close } }`)).toEqual({ admitted: true, shareKey: 'shared:candles:ACME:M5', conflateBy: 'start' });
  });

  it('refuses unknown symbols, too many symbols and none, with BAD_USER_INPUT naming the entry', async () => {
    const unknown = await admit(QUOTES, { symbols: ['AAPL', 'NOPE'] });
    expect(unknown.admitted).toBe(false);
    expect(unknown.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'symbols.1' } });
    expect(unknown.errors[0].message).toMatch(/unknown symbol "NOPE"/);
    const many = await admit(QUOTES, { symbols: Array.from({ length: 51 }, () => 'AAPL') });
    expect(many.errors[0]).toMatchObject({ message: 'symbols: at most 50 symbols per request; got 51.', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await admit(QUOTES, { symbols: [] })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await admit(`subscription { candles(symbol: "ZZZ", interval: M1) { close } }`)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'symbol' });
  });

  it('keeps alert streams private: anonymous is refused, a viewer gets a viewer-scoped key', async () => {
    const anonymous = await admit(`subscription { priceAlertTriggered { id } }`);
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const ada = await app.auth.newUser();
    expect(await admit(`subscription { priceAlertTriggered { id } }`, {}, ada.token)).toEqual({ admitted: true, shareKey: `viewer:${ada.userId}` });
  });
});

describe('quotes over graphql-ws', () => {
  it('streams one quote per trade of the chosen symbols, and subscribes the feed only while watched', async () => {
    const client = wsClient(wsUrl(app.url));
    const stream = collect(client, QUOTES, { symbols: ['aapl', 'MSFT'] });
    await waitFor(() => feed.subscribed.has('AAPL') && feed.subscribed.has('MSFT'), 5_000, 'the feed to subscribe AAPL and MSFT');
    await waitFor(() => pubsub.listening('stocks:quote:AAPL') && pubsub.listening('stocks:quote:MSFT'));
    expect(feed.subscribed.has('IBM')).toBe(false);

    feed.push([
      { ...trade('AAPL', 19_000, '2026-03-02T15:00:00Z', 100), bid: 18_999, ask: 19_001 },
      trade('IBM', 21_000, '2026-03-02T15:00:00Z'),
      trade('MSFT', 41_500, '2026-03-02T15:00:01Z', 50),
      trade('AAPL', 19_010, '2026-03-02T15:00:02Z', 10),
    ]);
    const events = await stream.waitFor(3);
    expect(events.map((event) => [event.data!.quotes.symbol, event.data!.quotes.last])).toEqual([
      ['AAPL', 19_000],
      ['MSFT', 41_500],
      ['AAPL', 19_010],
    ]);
    expect(events[0]!.data!.quotes).toEqual({
      symbol: 'AAPL',
      last: 19_000,
      bid: 18_999,
      ask: 19_001,
      previousClose: null,
      changePercent: null,
      dayVolume: 100,
      at: '2026-03-02T15:00:00.000Z',
      instrument: { name: 'Apple Inc.', currency: 'USD' },
    });
    expect(events[2]!.data!.quotes.dayVolume).toBe(110);

    stream.stop();
    await waitFor(() => !feed.subscribed.has('AAPL') && !feed.subscribed.has('MSFT'), 5_000, 'the feed to unsubscribe');
    await client.dispose();
  });

  it('refuses bad symbols over the socket with a clear error', async () => {
    const client = wsClient(wsUrl(app.url));
    const stream = collect(client, QUOTES, { symbols: ['AAPL', 'bad symbol!'] });
    // graphql-ws answers a refused subscription with one result carrying the errors, then completes.
    expect(await stream.ended).toEqual({ completed: true });
    expect(stream.results).toHaveLength(1);
    expect(stream.results[0]!.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'symbols.1' } });
    await client.dispose();
  });
});

describe('candles over graphql-ws', () => {
  it('streams the current bucket as trades change it, and a new start when it rolls over', async () => {
    const client = wsClient(wsUrl(app.url));
    const stream = collect(client, `subscription { candles(symbol: "GLOBX", interval: M1) { symbol interval start end open high low close volume trades } }`);
    await waitFor(() => feed.subscribed.has('GLOBX') && pubsub.listening('stocks:candle:GLOBX:M1'));
    feed.push([trade('GLOBX', 4_500, '2026-03-02T15:00:10Z', 10), trade('GLOBX', 4_510, '2026-03-02T15:00:20Z', 5)]);
    feed.push([trade('GLOBX', 4_490, '2026-03-02T15:00:59Z', 1)]);
    feed.push([trade('GLOBX', 4_520, '2026-03-02T15:01:00Z', 7)]);
    const events = (await stream.waitFor(3)).map((event) => event.data!.candles);
    // One event per batch for the bucket it changed (the two trades of the first batch make one event).
    expect(events).toEqual([
      { symbol: 'GLOBX', interval: 'M1', start: '2026-03-02T15:00:00.000Z', end: '2026-03-02T15:01:00.000Z', open: 4_500, high: 4_510, low: 4_500, close: 4_510, volume: 15, trades: 2 },
      { symbol: 'GLOBX', interval: 'M1', start: '2026-03-02T15:00:00.000Z', end: '2026-03-02T15:01:00.000Z', open: 4_500, high: 4_510, low: 4_490, close: 4_490, volume: 16, trades: 3 },
      { symbol: 'GLOBX', interval: 'M1', start: '2026-03-02T15:01:00.000Z', end: '2026-03-02T15:02:00.000Z', open: 4_520, high: 4_520, low: 4_520, close: 4_520, volume: 7, trades: 1 },
    ]);
    stream.stop();
    await client.dispose();
  });
});
