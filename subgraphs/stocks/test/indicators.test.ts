import { describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorBar } from '../src/domain/insights/indicators';

const bars = (closes: number[], start = Date.parse('2026-03-02T14:30:00Z')): IndicatorBar[] =>
  closes.map((close, i) => ({ start: start + i * 60_000, high: close + 10, low: close - 10, close, volume: 100 }));

describe('computeIndicators', () => {
  it('computes the moving averages and bands from the closes (trading-signals)', () => {
    const closes = Array.from({ length: 60 }, (_, i) => 10_000 + i * 10);
    const values = computeIndicators(bars(closes), 'M1');
    // SMA(20) of the last 20 closes: 10,400 … 10,590.
    expect(values.sma20).toBeCloseTo(10_495, 6);
    expect(values.bollinger!.middle).toBeCloseTo(10_495, 6);
    expect(values.bollinger!.upper).toBeGreaterThan(values.bollinger!.middle);
    // A steady rise: RSI at the top of its range, MACD positive.
    expect(values.rsi14).toBe(100);
    expect(values.macd!.macd).toBeGreaterThan(0);
    expect(values.ema20).toBeGreaterThan(10_400);
    expect(values.ema20).toBeLessThan(10_590);
    // Every bar has the same volume: VWAP is the mean typical price of the session.
    expect(values.vwap).toBeCloseTo(closes.reduce((a, b) => a + b, 0) / closes.length, 6);
    expect(values.unavailable).toEqual([]);
  });

  it('leaves indicators null with a reason until there are enough candles', () => {
    const values = computeIndicators(bars([100, 101, 102, 103, 104]), 'M5');
    expect(values).toMatchObject({ sma20: null, ema20: null, rsi14: null, macd: null, bollinger: null });
    expect(values.vwap).not.toBeNull();
    const macd = values.unavailable.find((gap) => gap.indicator === 'macd')!;
    expect(macd.available).toBe(5);
    expect(macd.needed).toBeGreaterThanOrEqual(26);
    expect(macd.message).toMatch(/macd needs \d+ M5 candles; 5 are stored so far/);
    expect(values.unavailable.map((gap) => gap.indicator).sort()).toEqual(['bollinger', 'ema20', 'macd', 'rsi14', 'sma20']);
  });

  it('intraday VWAP covers the latest UTC day only', () => {
    const yesterday = bars([50_000], Date.parse('2026-03-01T20:00:00Z'));
    const today = bars([100, 200], Date.parse('2026-03-02T15:00:00Z'));
    today[1]!.volume = 300;
    expect(computeIndicators([...yesterday, ...today], 'H1').vwap).toBeCloseTo((100 * 100 + 200 * 300) / 400, 6);
    expect(computeIndicators([], 'D1').vwap).toBeNull();
  });
});
