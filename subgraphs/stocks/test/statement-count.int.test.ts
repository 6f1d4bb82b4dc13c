import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { entitiesOf, startStocks, type StocksApp } from './harness';
import { trade } from './trades';

const counter = new StatementCounter();
let app: StocksApp;
const SYMBOLS = ['ACME', 'GLOBX', 'INITECH', 'UMBRL', 'HOOLI', 'CYBDN', 'WAYNE', 'STARK', 'OCNC', 'AAPL'];

async function userWith(lists: number, symbolsPerList: number, alerts: number) {
  const user = await app.auth.newUser();
  for (let i = 0; i < lists; i++) {
    const result = await app.call(`mutation($input: CreateWatchlistInput!) { createWatchlist(input: $input) { id } }`, { input: { name: `list ${i}`, symbols: SYMBOLS.slice(0, symbolsPerList) } }, user.token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
  for (let i = 0; i < alerts; i++) {
    await app.call(`mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id } }`, { input: { symbol: SYMBOLS[i % SYMBOLS.length], condition: 'ABOVE', price: 1_000_000 + i } }, user.token);
  }
  return user;
}

let small: Awaited<ReturnType<typeof userWith>>;
let large: Awaited<ReturnType<typeof userWith>>;
beforeAll(async () => {
  app = await startStocks({ onQuery: counter.observe });
  await app.trade(SYMBOLS.map((symbol, i) => trade(symbol, 10_000 + i, '2026-03-02T15:00:00Z')));
  small = await userWith(1, 2, 1);
  large = await userWith(10, 10, 20);
});
afterAll(() => app.close());

const USER_QUERY = entitiesOf(`
  watchlists { name symbols instruments { symbol name quote { last changePercent } } }
  priceAlerts { price instrument { symbol quote { last } } }
  priceAlertTriggers(first: 5) { edges { node { id } } }
`);

async function statements(query: string, variables: Record<string, unknown>, token?: string) {
  counter.reset();
  const result = await app.call(query, variables, token);
  expect(result.errors).toBeUndefined();
  return { count: counter.count, data: result.data! };
}

describe('no N+1', () => {
  it('a user’s watchlists with instruments and quotes, and alerts with instruments and quotes: the same few statements for 1×2 as for 10×10', async () => {
    const few = await statements(USER_QUERY, { id: small.publicId }, small.token);
    const many = await statements(USER_QUERY, { id: large.publicId }, large.token);
    expect(many.data._entities[0].watchlists).toHaveLength(10);
    expect(many.data._entities[0].watchlists[9].instruments).toHaveLength(10);
    expect(many.data._entities[0].watchlists[9].instruments[3].quote.last).toBe(10_003);
    expect(many.data._entities[0].priceAlerts).toHaveLength(20);
    expect(many.count).toBe(few.count);
    // watchlists, their symbols, alerts, triggers, and one quote batch at each of the two depths.
    expect(many.count).toBe(6);
  });

  it('every instrument with its quote, recent candles and indicators costs what one instrument does', async () => {
    const selection = `symbol quote { last } candles(interval: M1, last: 3) { nodes { close } } indicators(interval: M1) { sma20 }`;
    const one = await statements(`{ instrument(symbol: "ACME") { ${selection} } }`, {});
    const all = await statements(`{ instruments { ${selection} } }`, {});
    expect(all.data.instruments.length).toBeGreaterThanOrEqual(14);
    expect(all.count).toBe(one.count);
    expect(all.count).toBe(3); // quotes, candle pages, indicator candles
  });
});
