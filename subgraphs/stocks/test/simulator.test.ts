import { describe, expect, it } from 'vitest';
import { SimulatedMarket } from '../src/providers/simulated/market';
import { profileFor } from '../src/providers/simulated/profiles';
import { US_WINTER_HOURS, alwaysOpen, exchangeSession, parseSession } from '../src/domain/market/trading-session';
import { logReturns } from '../src/domain/insights/ar-model';

const T0 = Date.parse('2026-03-02T14:30:00Z'); // a Monday, at the open
const profiles = ['ACME', 'GLOBX', 'HOOLI'].map(profileFor);

function run(seed: string, symbols = profiles, steps = 500, stepMs = 1_000) {
  const market = new SimulatedMarket(symbols, { seed, session: alwaysOpen, startAt: T0 });
  const trades = [];
  for (let i = 1; i <= steps; i++) trades.push(...market.advanceTo(T0 + i * stepMs));
  return trades;
}

describe('SimulatedMarket', () => {
  it('is reproducible: the same seed and step times give the same trades', () => {
    expect(run('seed-1')).toEqual(run('seed-1'));
    expect(run('seed-1')).not.toEqual(run('seed-2'));
  });

  it('keeps each symbol on its own stream: adding a symbol does not change the others', () => {
    const alone = run('s', [profileFor('ACME')]).filter((t) => t.symbol === 'ACME');
    const together = run('s', [profileFor('ACME'), profileFor('UMBRL')]).filter((t) => t.symbol === 'ACME');
    expect(together).toEqual(alone);
  });

  it('prints valid trades: positive prices, bid < ask around the price, round lots, increasing times', () => {
    const trades = run('valid');
    expect(trades.length).toBeGreaterThan(1_000); // ~90% of 3 × 500 steps
    for (const trade of trades) {
      expect(Number.isInteger(trade.price) && trade.price > 0).toBe(true);
      expect(trade.bid!).toBeLessThan(trade.ask!);
      expect(trade.bid!).toBeLessThanOrEqual(trade.price);
      expect(trade.ask!).toBeGreaterThanOrEqual(trade.price);
      expect(trade.volume % profileFor(trade.symbol).lotSize).toBe(0);
    }
  });

  it('moves like the profile says: realised volatility of log returns close to σ', () => {
    const profile = { ...profileFor('ACME'), startPrice: 1_000_000 }; // large price: rounding to cents adds no noise
    const market = new SimulatedMarket([profile], { seed: 'vol', session: alwaysOpen, startAt: T0, tradeProbability: 1 });
    const prices: number[] = [];
    const stepMs = 60_000;
    for (let i = 1; i <= 20_000; i++) prices.push(market.advanceTo(T0 + i * stepMs)[0]!.price);
    const returns = logReturns(prices);
    const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
    const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (returns.length - 1);
    const annualised = Math.sqrt(variance / (stepMs / (252 * 6.5 * 3_600_000)));
    expect(annualised).toBeGreaterThan(profile.volatility * 0.95);
    expect(annualised).toBeLessThan(profile.volatility * 1.05);
  });
});

describe('trading hours and the overnight gap', () => {
  const session = exchangeSession(US_WINTER_HOURS);

  it('opens 14:30–21:00 UTC on weekdays only', () => {
    expect(session.isOpen(Date.parse('2026-03-02T14:29:59Z'))).toBe(false);
    expect(session.isOpen(Date.parse('2026-03-02T14:30:00Z'))).toBe(true);
    expect(session.isOpen(Date.parse('2026-03-02T20:59:59Z'))).toBe(true);
    expect(session.isOpen(Date.parse('2026-03-02T21:00:00Z'))).toBe(false);
    expect(session.isOpen(Date.parse('2026-03-07T15:00:00Z'))).toBe(false); // Saturday
    // Friday evening → Monday's open.
    expect(new Date(session.nextOpen(Date.parse('2026-03-06T22:00:00Z'))).toISOString()).toBe('2026-03-09T14:30:00.000Z');
    expect(new Date(session.nextOpen(Date.parse('2026-03-03T08:00:00Z'))).toISOString()).toBe('2026-03-03T14:30:00.000Z');
    expect(session.nextOpen(Date.parse('2026-03-03T15:00:00Z'))).toBe(Date.parse('2026-03-03T15:00:00Z'));
  });

  it('prints no trades while closed, and the first trade of a session carries the overnight move', () => {
    const profile = profileFor('ACME');
    const steps = (market: SimulatedMarket, from: number, count: number) => {
      const out = [];
      for (let i = 0; i < count; i++) out.push(...market.advanceTo(from + i * 10_000));
      return out;
    };
    // Gaps on every open, 10% each: the open moves far more than one 10-second step ever does.
    const gapped = new SimulatedMarket([profile], { seed: 'gap', session, startAt: Date.parse('2026-03-02T20:50:00Z'), tradeProbability: 1, gapProbability: 1, gapSize: 0.1 });
    expect(steps(gapped, Date.parse('2026-03-02T20:50:10Z'), 59)).toHaveLength(59); // until 20:59:50
    const closing = gapped.priceOf('ACME')!;
    expect(steps(gapped, Date.parse('2026-03-02T21:00:00Z'), 100)).toEqual([]); // after the close
    const [open] = gapped.advanceTo(Date.parse('2026-03-03T14:30:00Z'));
    expect(Math.abs(Math.log(open!.price / closing))).toBeGreaterThan(0.01);

    // Within a session, a 10-second step moves by a tiny fraction.
    const intraday = steps(gapped, Date.parse('2026-03-03T14:30:10Z'), 100).map((t) => t.price);
    const largest = Math.max(...logReturns(intraday).map(Math.abs));
    expect(largest).toBeLessThan(0.01);
  });

  it('parses session settings', () => {
    expect(parseSession('24x7')).toBe(alwaysOpen);
    expect(parseSession('09:00-17:30').isOpen(Date.parse('2026-03-02T17:00:00Z'))).toBe(true);
    expect(() => parseSession('17:00-09:00')).toThrow(/open before they close/);
    expect(() => parseSession('nine to five')).toThrow(/24x7/);
  });
});
