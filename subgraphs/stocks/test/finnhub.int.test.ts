import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, testLogger, wsClient } from '@mosaic/testing';
import { FinnhubFeed } from '../src/providers/finnhub/feed';
import type { TradeBatch } from '../src/index';
import { startFakeFinnhub } from './fake-finnhub';
import { startStocks } from './harness';
import { waitFor, wsUrl } from './wait';

let finnhub: Awaited<ReturnType<typeof startFakeFinnhub>>;
beforeAll(async () => {
  finnhub = await startFakeFinnhub();
});
afterAll(() => finnhub.close());

const instruments = new Map([
  ['AAPL', { providerSymbol: 'AAPL', priceDecimals: 2 }],
  ['MSFT', { providerSymbol: 'MSFT', priceDecimals: 2 }],
  ['BRK.B', { providerSymbol: 'BRK.B', priceDecimals: 2 }],
]);
const newFeed = () =>
  new FinnhubFeed({ apiKey: 'test-key', wsUrl: finnhub.wsUrl, restUrl: finnhub.restUrl, log: testLogger, instruments, reconnectInitialMs: 20, reconnectMaxMs: 100 });

describe('FinnhubFeed against a local server speaking Finnhub’s format', () => {
  it('keeps one connection, subscribes only what is asked, converts trades to minor units, reconnects and resubscribes', async () => {
    finnhub.received.length = 0;
    const feed = newFeed();
    const batches: TradeBatch[] = [];
    feed.onTrade((batch) => batches.push(batch));
    feed.subscribe(['AAPL']); // before the socket is open: sent once it is
    await feed.start();
    await waitFor(() => finnhub.subscribed().includes('AAPL'));
    expect(finnhub.tokens.at(-1)).toBe('test-key');
    feed.subscribe(['MSFT', 'AAPL', 'ACME']); // AAPL already, ACME has no Finnhub symbol
    await waitFor(() => finnhub.subscribed().includes('MSFT'));
    expect(finnhub.received).toEqual([
      { type: 'subscribe', symbol: 'AAPL' },
      { type: 'subscribe', symbol: 'MSFT' },
    ]);

    finnhub.send({ type: 'ping' });
    finnhub.send({ type: 'trade', data: [{ s: 'AAPL', p: 189.2, t: 1_772_463_600_000, v: 100, c: ['1'] }, { s: 'TSLA', p: 1, t: 1, v: 1 }] });
    finnhub.send({ type: 'trade', data: [{ s: 'MSFT', p: 415.555, t: 1_772_463_601_000, v: 0.5 }] });
    finnhub.send('not json at all');
    await waitFor(() => batches.length === 2);
    expect(batches.flatMap((batch) => batch.trades)).toEqual([
      { symbol: 'AAPL', price: 18_920, volume: 100, at: 1_772_463_600_000 },
      { symbol: 'MSFT', price: 41_556, volume: 1, at: 1_772_463_601_000 },
    ]);
    expect(batches.every((batch) => !batch.historical)).toBe(true);

    feed.unsubscribe(['MSFT', 'IBM']);
    await waitFor(() => !finnhub.subscribed().includes('MSFT'));
    expect(finnhub.received.at(-1)).toEqual({ type: 'unsubscribe', symbol: 'MSFT' });

    const connectionsBefore = feed.connections;
    finnhub.received.length = 0;
    finnhub.dropConnections();
    await waitFor(() => feed.connections === connectionsBefore + 1 && finnhub.received.length > 0, 5_000, 'a reconnect');
    await waitFor(() => finnhub.open === 1);
    expect(finnhub.received).toEqual([{ type: 'subscribe', symbol: 'AAPL' }]); // the current set, nothing else
    expect(finnhub.maxOpen).toBe(1);
    await feed.stop();
    await waitFor(() => finnhub.open === 0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(finnhub.open).toBe(0); // stopped means no reconnect
  });

  it('reads REST candles into minor units, handles no_data, and reports HTTP errors', async () => {
    const feed = newFeed();
    finnhub.respondToCandles(200, { s: 'ok', t: [1_772_409_600, 1_772_496_000], o: [189.2, 190], h: [191, 192.5], l: [188.5, 189.9], c: [190.01, 192], v: [1_000_000, 2_000_000] });
    const from = new Date('2026-03-01T00:00:00Z');
    const to = new Date('2026-03-04T00:00:00Z');
    expect(await feed.history({ symbol: 'AAPL', interval: 'D1', from, to })).toEqual([
      { start: 1_772_409_600_000, open: 18_920, high: 19_100, low: 18_850, close: 19_001, volume: 1_000_000 },
      { start: 1_772_496_000_000, open: 19_000, high: 19_250, low: 18_990, close: 19_200, volume: 2_000_000 },
    ]);
    const params = Object.fromEntries(finnhub.candleRequests.at(-1)!);
    expect(params).toEqual({ symbol: 'AAPL', resolution: 'D', from: String(from.getTime() / 1000), to: String(to.getTime() / 1000), token: 'test-key' });
    await feed.history({ symbol: 'AAPL', interval: 'M5', from, to });
    expect(finnhub.candleRequests.at(-1)!.get('resolution')).toBe('5');

    finnhub.respondToCandles(200, { s: 'no_data' });
    expect(await feed.history({ symbol: 'AAPL', interval: 'M1', from, to })).toEqual([]);
    finnhub.respondToCandles(429, { error: 'API limit reached' });
    await expect(feed.history({ symbol: 'AAPL', interval: 'M1', from, to })).rejects.toThrow(/HTTP 429/);
    expect(await feed.history({ symbol: 'ACME', interval: 'M1', from, to })).toEqual([]);
  });
});

describe('the subgraph on Finnhub', () => {
  it('subscribes upstream once per watched symbol across subscribers, streams its trades, and unsubscribes when the last one leaves', async () => {
    finnhub.received.length = 0;
    const app = await startStocks({ feed: newFeed(), settings: { interestLingerMs: 0 } });
    try {
      await waitFor(() => finnhub.open === 1);
      const query = `subscription($symbols: [String!]!) { quotes(symbols: $symbols) { symbol last instrument { name } } }`;
      const alice = wsClient(wsUrl(app.url));
      const bob = wsClient(wsUrl(app.url));
      const a = collect(alice, query, { symbols: ['AAPL'] });
      const b = collect(bob, query, { symbols: ['AAPL', 'MSFT'] });
      await waitFor(() => finnhub.subscribed().join() === 'AAPL,MSFT', 5_000, 'upstream subscriptions');
      expect(finnhub.received.filter((m) => m.symbol === 'AAPL')).toEqual([{ type: 'subscribe', symbol: 'AAPL' }]);

      finnhub.send({ type: 'trade', data: [{ s: 'AAPL', p: 190.5, t: Date.now(), v: 10 }] });
      expect((await a.waitFor(1))[0]!.data).toEqual({ quotes: { symbol: 'AAPL', last: 19_050, instrument: { name: 'Apple Inc.' } } });
      expect((await b.waitFor(1))[0]!.data!.quotes.last).toBe(19_050);

      b.stop();
      await waitFor(() => finnhub.subscribed().join() === 'AAPL', 5_000, 'MSFT to be unsubscribed');
      a.stop();
      await waitFor(() => finnhub.subscribed().length === 0, 5_000, 'AAPL to be unsubscribed');
      expect(finnhub.maxOpen).toBe(1);
      await alice.dispose();
      await bob.dispose();
    } finally {
      await app.close();
    }
  });
});
