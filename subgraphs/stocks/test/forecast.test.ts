import { describe, expect, it } from 'vitest';
import { backtest } from '../src/domain/insights/backtest';
import { FORECAST_DISCLAIMER, forecastPrices, minimumCandles } from '../src/domain/insights/forecast';
import { SeededRandom } from '../src/providers/simulated/random';

/** Prices from log returns that follow r_t = φ r_{t−1} + σ ε_t (φ = 0 is a random walk). */
function prices(phi: number, n: number, seed: string): number[] {
  const random = new SeededRandom(seed);
  const out = [10_000];
  let r = 0;
  for (let i = 1; i < n; i++) {
    r = phi * r + 0.01 * random.normal();
    out.push(out[i - 1]! * Math.exp(r));
  }
  return out;
}

describe('walk-forward backtest', () => {
  it('on a random walk the model does not beat the naive forecast', () => {
    const result = backtest(prices(0, 600, 'rw'), 1, { maxOrigins: 200 })!;
    expect(result.samples).toBe(200);
    expect(result.skill).toBeLessThan(0.03);
    expect(result.mae).toBeGreaterThan(0);
    expect(result.mape).toBeGreaterThan(0);
  });

  it('on strongly autocorrelated returns the model beats the naive forecast', () => {
    const result = backtest(prices(0.7, 600, 'ar'), 1, { maxOrigins: 200 })!;
    expect(result.skill).toBeGreaterThan(0.15);
    expect(result.mae).toBeLessThan(result.baselineMae);
  });

  it('never looks ahead: changing prices after an origin does not change its forecast', () => {
    const series = prices(0.3, 200, 'ahead');
    const a = backtest(series.slice(0, 121), 1, { maxOrigins: 1 })!; // origin 119, scored on 120
    const tweaked = [...series.slice(0, 120), series[120]! * 1.5];
    const b = backtest(tweaked, 1, { maxOrigins: 1 })!;
    // Only the realised price changed, so the model's forecast is the same: the errors differ by exactly the tweak.
    expect(Math.abs(b.mae - a.mae)).toBeCloseTo(Math.abs(series[120]! * 0.5), 6);
  });

  it('needs enough history', () => {
    expect(backtest(prices(0, 50, 'short'), 1)).toBeNull();
  });
});

describe('forecastPrices', () => {
  it('gives a widening 95% interval around the expected path, and reports the backtest', () => {
    const closes = prices(0.2, 400, 'forecast').map(Math.round);
    const forecast = forecastPrices(closes, 10)!;
    expect(forecast.points).toHaveLength(10);
    forecast.points.forEach((point, i) => {
      expect(point.step).toBe(i + 1);
      expect(point.lower).toBeLessThanOrEqual(point.expected);
      expect(point.upper).toBeGreaterThanOrEqual(point.expected);
      if (i > 0) expect(point.upper - point.lower).toBeGreaterThanOrEqual(forecast.points[i - 1]!.upper - forecast.points[i - 1]!.lower);
    });
    expect(forecast.description).toMatch(/^AR\(\d\) on log returns/);
    expect(forecast.backtest.horizon).toBe(10);
    expect(forecast.backtest.samples).toBeGreaterThan(0);
    expect(FORECAST_DISCLAIMER).toMatch(/not investment advice/i);
  });

  it('returns null below the minimum history and refuses horizons outside 1..60', () => {
    expect(forecastPrices(prices(0, minimumCandles(5) - 1, 'x'), 5)).toBeNull();
    expect(forecastPrices(prices(0, minimumCandles(5), 'x'), 5)).not.toBeNull();
    expect(() => forecastPrices(prices(0, 500, 'x'), 0)).toThrow(RangeError);
    expect(() => forecastPrices(prices(0, 500, 'x'), 61)).toThrow(RangeError);
  });
});
