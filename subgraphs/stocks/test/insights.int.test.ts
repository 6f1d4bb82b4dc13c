import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '@mosaic/testing';
import { SimulatedMarket } from '../src/providers/simulated/market';
import { profileFor } from '../src/providers/simulated/profiles';
import { startStocks, type StocksApp } from './harness';

let app: StocksApp;
beforeAll(async () => {
  app = await startStocks();
  // 400 one-minute candles of HOOLI from the seeded simulator (a trade every 15 s), through the real pipeline.
  const start = Date.parse('2026-03-02T14:30:00Z');
  const market = new SimulatedMarket([profileFor('HOOLI')], { seed: 'insights', startAt: start - 15_000, tradeProbability: 1 });
  const trades = [];
  for (let i = 0; i < 400 * 4; i++) trades.push(...market.advanceTo(start + i * 15_000)); // 14:30:00 … 21:09:45
  await app.trade(trades);
});
afterAll(() => app.close());

describe('indicators', () => {
  it('computes every indicator from stored candles', async () => {
    const result = await app.call(`{ instrument(symbol: "HOOLI") { indicators(interval: M1) { interval candles asOf sma20 ema20 rsi14 macd { macd signal histogram } bollinger { upper middle lower } vwap unavailable { indicator } } } }`);
    expect(result.errors).toBeUndefined();
    const indicators = result.data!.instrument.indicators;
    expect(indicators).toMatchObject({ interval: 'M1', candles: 250, unavailable: [] });
    expect(indicators.asOf).toBe('2026-03-02T21:09:00.000Z');
    expect(indicators.rsi14).toBeGreaterThan(0);
    expect(indicators.rsi14).toBeLessThan(100);
    expect(indicators.bollinger.lower).toBeLessThan(indicators.bollinger.middle);
    expect(indicators.bollinger.middle).toBeCloseTo(indicators.sma20, 6);
    expect(indicators.macd.histogram).toBeCloseTo(indicators.macd.macd - indicators.macd.signal, 3);
    for (const value of [indicators.sma20, indicators.ema20, indicators.vwap]) expect(value).toBeGreaterThan(50_000);
  });

  it('explains what is missing when there are too few candles', async () => {
    const result = await app.call(`{ instrument(symbol: "HOOLI") { indicators(interval: H1) { candles sma20 macd { macd } vwap unavailable { indicator needed available message } } } }`);
    const indicators = result.data!.instrument.indicators;
    expect(indicators).toMatchObject({ candles: 8, sma20: null, macd: null }); // 14:00 … 21:00
    expect(indicators.vwap).not.toBeNull();
    expect(indicators.unavailable.find((gap: { indicator: string }) => gap.indicator === 'sma20')).toEqual({ indicator: 'sma20', needed: 20, available: 8, message: 'sma20 needs 20 H1 candles; 8 are stored so far.' });
  });
});

describe('forecast', () => {
  it('forecasts the next closes with intervals, the fitted model, an honest backtest and the disclaimer', async () => {
    const result = await app.call(`{ instrument(symbol: "HOOLI") { forecast(horizon: 5) { symbol interval horizon basedOn lastClose points { step at expected lower upper } model backtest { mae baselineMae mape samples skill } disclaimer } } }`);
    expect(result.errors).toBeUndefined();
    const forecast = result.data!.instrument.forecast;
    expect(forecast).toMatchObject({ symbol: 'HOOLI', interval: 'M1', horizon: 5, basedOn: '2026-03-02T21:09:00.000Z' });
    expect(forecast.points.map((p: { at: string }) => p.at)).toEqual(['21:10', '21:11', '21:12', '21:13', '21:14'].map((hm) => `2026-03-02T${hm}:00.000Z`));
    for (const point of forecast.points) expect(point.lower <= point.expected && point.expected <= point.upper).toBe(true);
    expect(forecast.model).toMatch(/^AR\(\d\) on log returns .* fitted on 400 closes/);
    expect(forecast.backtest.samples).toBeGreaterThan(20);
    expect(forecast.backtest.skill).toBeCloseTo(1 - forecast.backtest.mae / forecast.backtest.baselineMae, 9);
    // A GBM path is a random walk: the model has no edge over "no change" (skill near or below zero).
    expect(forecast.backtest.skill).toBeLessThan(0.05);
    expect(forecast.disclaimer).toMatch(/not investment advice/i);
  });

  it.each([
    ['horizon 0', 0, 'must be between 1 and 60'],
    ['horizon 61', 61, 'must be between 1 and 60'],
  ])('refuses %s', async (_case, horizon, message) => {
    const result = await app.call(`query($h: Int!) { instrument(symbol: "HOOLI") { forecast(horizon: $h) { horizon } } }`, { h: horizon });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(message);
    expect(result.errors![0]!.extensions!.field).toBe('horizon');
  });

  it('refuses to forecast without enough history, saying how much it needs', async () => {
    const result = await app.call(`{ instrument(symbol: "HOOLI") { forecast(horizon: 10, interval: M5) { horizon } } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toBe('HOOLI has 80 M5 candles; a 10-step forecast needs at least 90 (to fit the model and backtest it). Try a shorter horizon or interval, or wait for more history.');
    const none = await app.call(`{ instrument(symbol: "IBM") { forecast(horizon: 1) { horizon } } }`);
    expect(none.errors![0]!.message).toMatch(/^IBM has 0 M1 candles/);
  });
});
