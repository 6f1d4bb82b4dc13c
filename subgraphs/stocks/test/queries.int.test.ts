import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { startStocks, type StocksApp } from './harness';
import { trade } from './trades';

let app: StocksApp;
beforeAll(async () => {
  app = await startStocks();
  // Two trading days of ACME: 10 one-minute candles on Monday, 3 on Tuesday.
  const monday = Array.from({ length: 10 }, (_, i) => trade('ACME', 10_000 + i * 10, `2026-03-02T15:${String(i).padStart(2, '0')}:10Z`, 100 + i));
  const tuesday = [0, 1, 2].map((i) => ({ ...trade('ACME', 10_500 + i, `2026-03-03T14:3${i}:00Z`, 50), bid: 10_499 + i, ask: 10_502 + i }));
  await app.trade([...monday, ...tuesday]);
});
afterAll(() => app.close());

const CANDLES = `query($symbol: String!, $interval: CandleInterval!, $from: DateTime, $to: DateTime, $first: Int, $after: String, $last: Int, $before: String) {
  instrument(symbol: $symbol) {
    candles(interval: $interval, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { start close } }
      nodes { start end open high low close volume trades interval symbol }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

const candles = async (variables: Record<string, unknown>) => {
  const result = await app.call(CANDLES, { symbol: 'ACME', interval: 'M1', ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.instrument.candles;
};
const times = (connection: { nodes: { start: string }[] }) => connection.nodes.map((node) => node.start.slice(5, 16));

describe('instruments', () => {
  it('lists the seeded instruments, fictional and real, with currencies and price decimals', async () => {
    const result = await app.call(`{ instruments { id symbol name exchange currency priceDecimals } }`);
    const symbols = result.data!.instruments.map((i: { symbol: string }) => i.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['ACME', 'GLOBX', 'INITECH', 'UMBRL', 'HOOLI', 'AAPL', 'MSFT']));
    expect(result.data!.instruments.find((i: { symbol: string }) => i.symbol === 'OCNC')).toMatchObject({ currency: 'EUR', priceDecimals: 2, exchange: 'MOSAIC' });
    expect(Buffer.from(result.data!.instruments[0].id, 'base64url').toString()).toMatch(/^Instrument:[0-9a-f-]{36}$/);
  });

  it('finds an instrument case-insensitively; an unknown one is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    expect((await app.call(`{ instrument(symbol: " acme ") { symbol } }`)).data!.instrument.symbol).toBe('ACME');
    const missing = await app.call(`{ instrument(symbol: "NOPE") { symbol } }`);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0]!.message).toBe('Instrument "NOPE" was not found.');
    expect(errorCodes(await app.call(`{ instrument(symbol: "a b; drop") { symbol } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves instruments as federation entities by symbol (unknown → null)', async () => {
    const result = await app.call(`{ _entities(representations: [{ __typename: "Instrument", symbol: "HOOLI" }, { __typename: "Instrument", symbol: "ZZZ" }]) { ... on Instrument { name } } }`);
    expect(result.data!._entities).toEqual([{ name: 'Hooli Inc.' }, null]);
  });
});

describe('Instrument.quote', () => {
  it('has the last trade, bid/ask, the change against the previous day and the day volume', async () => {
    const result = await app.call(`{ instrument(symbol: "ACME") { quote { symbol last bid ask previousClose change changePercent dayVolume at instrument { symbol } } } }`);
    expect(result.data!.instrument.quote).toEqual({
      symbol: 'ACME',
      last: 10_502,
      bid: 10_501,
      ask: 10_504,
      previousClose: 10_090,
      change: 412,
      changePercent: 4.0833,
      dayVolume: 150,
      at: '2026-03-03T14:32:00.000Z',
      instrument: { symbol: 'ACME' },
    });
  });

  it('is null for an instrument that has not traded', async () => {
    expect((await app.call(`{ instrument(symbol: "IBM") { quote { last } } }`)).data!.instrument.quote).toBeNull();
  });
});

describe('Instrument.candles', () => {
  it('returns the most recent candles oldest first, and pages backward with before', async () => {
    const page = await candles({ last: 4 });
    expect(times(page)).toEqual(['03-02T15:09', '03-03T14:30', '03-03T14:31', '03-03T14:32']);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(page.nodes[0]).toMatchObject({ open: 10_090, close: 10_090, volume: 109, trades: 1, interval: 'M1', symbol: 'ACME', end: '2026-03-02T15:10:00.000Z' });
    const older = await candles({ last: 4, before: page.pageInfo.startCursor });
    expect(times(older)).toEqual(['03-02T15:05', '03-02T15:06', '03-02T15:07', '03-02T15:08']);
    expect(older.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('pages forward from `from` with first/after, without skipping or repeating', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await candles({ from: '2026-03-02T15:03:00Z', first: 4, after });
      seen.push(...times(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['03-02T15:03', '03-02T15:04', '03-02T15:05', '03-02T15:06', '03-02T15:07', '03-02T15:08', '03-02T15:09', '03-03T14:30', '03-03T14:31', '03-03T14:32']);
  });

  it('honours from/to (from inclusive, to exclusive) and aggregates every interval', async () => {
    expect(times(await candles({ from: '2026-03-02T15:02:00Z', to: '2026-03-02T15:04:00Z' }))).toEqual(['03-02T15:02', '03-02T15:03']);
    const daily = await candles({ interval: 'D1' });
    expect(daily.nodes.map((n: any) => [n.start, n.open, n.close, n.volume])).toEqual([
      ['2026-03-02T00:00:00.000Z', 10_000, 10_090, 1045],
      ['2026-03-03T00:00:00.000Z', 10_500, 10_502, 150],
    ]);
    const m5 = await candles({ interval: 'M5', from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' });
    expect(m5.nodes.map((n: any) => [n.start.slice(11, 16), n.open, n.high, n.low, n.close])).toEqual([
      ['15:00', 10_000, 10_040, 10_000, 10_040],
      ['15:05', 10_050, 10_090, 10_050, 10_090],
    ]);
  });

  it.each([
    ['first and last together', { first: 1, last: 1 }, 'first'],
    ['more than 5000 candles', { last: 5001 }, 'last'],
    ['zero candles', { first: 0 }, 'first'],
    ['to before from', { from: '2026-03-02T16:00:00Z', to: '2026-03-02T15:00:00Z' }, 'to'],
    ['after with last', { last: 2, after: 'x' }, 'after'],
    ['a forged cursor', { first: 2, after: 'not-a-cursor' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, variables, field) => {
    const result = await app.call(CANDLES, { symbol: 'ACME', interval: 'M1', ...variables });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it('refuses a cursor from another interval, and an unknown interval', async () => {
    const daily = await candles({ interval: 'D1', first: 1 });
    const result = await app.call(CANDLES, { symbol: 'ACME', interval: 'M1', first: 1, after: daily.pageInfo.endCursor });
    expect(result.errors![0]!.message).toMatch(/cursor of another candle list/);
    expect(errorCodes(await app.call(CANDLES, { symbol: 'ACME', interval: 'M2' }))).toEqual(['BAD_USER_INPUT']);
  });
});
