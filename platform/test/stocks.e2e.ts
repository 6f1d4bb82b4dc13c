import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { topics } from '../../subgraphs/stocks/src/domain/live/topics';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/** Stocks through the gateway with no network: the simulated market streams, alerts fire once. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const wsUrl = () => graph.gatewayUrl.replace('http', 'ws');

describe('stocks through the gateway', () => {
  it('streams quotes for two symbols with the instrument name resolved in the same event', async () => {
    const client = wsClient(wsUrl());
    const quotes = collect<{ quotes: { symbol: string; last: number; changePercent: number; instrument: { name: string } } }>(
      client,
      `subscription { quotes(symbols: ["ACME", "GLOBX"]) { symbol last changePercent instrument { name } } }`,
    );
    const results = await quotes.waitFor(6, 20_000);
    const symbols = new Set(results.map((r) => r.data!.quotes.symbol));
    expect(symbols).toEqual(new Set(['ACME', 'GLOBX']));
    for (const { data } of results) {
      expect(data!.quotes.last).toBeGreaterThan(0);
      expect(data!.quotes.instrument.name).toMatch(/Acme|Globex/);
    }
    quotes.stop();
    await client.dispose();
  }, 30_000);

  it('fires a signed-in user\'s price alert once, on priceAlertTriggered', async () => {
    const { token, userId } = await graph.signUp('trader@example.com');
    const watchlist = await graph.call(`mutation { createWatchlist(input: { name: "Tech", symbols: ["ACME"] }) { id instruments { symbol } } }`, {}, token);
    expect(watchlist.errors).toBeUndefined();
    const client = wsClient(wsUrl(), token);
    const triggers = collect(client, `subscription { priceAlertTriggered { instrument { symbol } condition threshold price } }`);
    await expect.poll(() => graph.listeners(topics.alertTriggered(decodeId('User', userId)))).toBe(1);
    // "At or above 1 cent": the next simulated ACME trade crosses it.
    const alert = await graph.call(`mutation { createPriceAlert(input: { symbol: "ACME", condition: ABOVE, price: 1 }) { id status } }`, {}, token);
    expect(alert.data).toEqual({ createPriceAlert: { id: expect.any(String), status: 'ARMED' } });
    const [trigger] = await triggers.waitFor(1, 20_000);
    expect(trigger!.data).toMatchObject({ priceAlertTriggered: { instrument: { symbol: 'ACME' }, condition: 'ABOVE', threshold: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(triggers.results).toHaveLength(1);
    const history = await graph.call(`{ me { watchlists { name } priceAlerts { status } priceAlertTriggers { edges { node { condition } } } } }`, {}, token);
    expect(history.data).toEqual({
      me: { watchlists: [{ name: 'Tech' }], priceAlerts: [{ status: 'TRIGGERED' }], priceAlertTriggers: { edges: [{ node: { condition: 'ABOVE' } }] } },
    });
    triggers.stop();
    await client.dispose();
  }, 30_000);

  it('answers candles, indicators and a forecast with its backtest; refuses bad input clearly', async () => {
    const result = await graph.call(`{ instrument(symbol: "ACME") { name currency candles(interval: M1, last: 60) { edges { node { open close } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.instrument).toMatchObject({ name: 'Acme Corporation', currency: 'USD' });
    // These tests start the simulator without its history warm-up: a forecast either answers with
    // its backtest or says plainly that there is not enough history yet.
    const insight = await graph.call(`{ instrument(symbol: "ACME") { indicators(interval: M1) { rsi14 } forecast(horizon: 5) { points { expected } backtest { mae baselineMae } disclaimer } } }`);
    if (insight.errors) {
      expect(errorCodes(insight)).toEqual(['BAD_USER_INPUT']);
      expect(insight.errors[0]!.message).toMatch(/history|candles/i);
    } else {
      expect(insight.data!.instrument.forecast.disclaimer).toMatch(/not investment advice/i);
      expect(insight.data!.instrument.forecast.backtest.baselineMae).toEqual(expect.any(Number));
    }
    for (const [query, code] of [
      [`{ instrument(symbol: "NOPE") { name } }`, 'NOT_FOUND'],
      [`{ instrument(symbol: "ACME") { candles(interval: M7, last: 5) { edges { node { open } } } } }`, 'GRAPHQL_VALIDATION_FAILED'],
      [`{ instrument(symbol: "ACME") { candles(interval: M1, from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z") { edges { node { open } } } } }`, 'BAD_USER_INPUT'],
      [`{ instrument(symbol: "ACME") { candles(interval: M1, first: 10, last: 10) { edges { node { open } } } } }`, 'BAD_USER_INPUT'],
      [`{ instrument(symbol: "ACME") { forecast(horizon: 500) { points { expected } } } }`, 'BAD_USER_INPUT'],
    ] as const) {
      expect(errorCodes(await graph.call(query)), query).toContain(code);
    }
    // Absurd sizes are stopped by the gateway's cost limit before any subgraph sees them.
    expect(errorCodes(await graph.call(`{ instrument(symbol: "ACME") { candles(interval: M1, last: 100000) { edges { node { open } } } } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
