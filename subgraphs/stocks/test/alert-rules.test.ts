import { describe, expect, it } from 'vitest';
import { evaluate, type ArmedAlert } from '../src/domain/alerts/alert-rules';
import { PriceWindow } from '../src/domain/alerts/price-window';
import { SeededRandom } from '../src/providers/simulated/random';

const base: ArmedAlert = { id: 'a', ownerId: 'o', symbol: 'ACME', condition: 'ABOVE', price: 10_000, moveBps: null, windowMs: null, generation: 1, armedAt: 0 };

describe('ABOVE / BELOW', () => {
  it('fire at or beyond the threshold', () => {
    expect(evaluate(base, { price: 9_999, at: 1 }, undefined)).toBeNull();
    expect(evaluate(base, { price: 10_000, at: 1 }, undefined)).toMatchObject({ price: 10_000, referencePrice: null });
    const below = { ...base, condition: 'BELOW' as const };
    expect(evaluate(below, { price: 10_001, at: 1 }, undefined)).toBeNull();
    expect(evaluate(below, { price: 9_000, at: 1 }, undefined)).toMatchObject({ price: 9_000 });
  });

  it('ignore trades from before the alert was armed', () => {
    expect(evaluate({ ...base, armedAt: 100 }, { price: 20_000, at: 99 }, undefined)).toBeNull();
  });
});

describe('PERCENT_MOVE', () => {
  const alert: ArmedAlert = { ...base, condition: 'PERCENT_MOVE', price: null, moveBps: 300, windowMs: 15 * 60_000 };
  const feed = (window: PriceWindow, points: [number, number][]) => points.map(([minute, price]) => window.push(minute * 60_000, price));

  it('fires on a 3% rise from the window low, or a 3% fall from the window high', () => {
    const window = new PriceWindow(alert.windowMs!);
    feed(window, [[0, 10_000], [5, 9_800], [10, 10_050]]);
    expect(evaluate(alert, { price: 10_050, at: 10 * 60_000 }, window)).toBeNull(); // +2.55% from 9,800
    window.push(11 * 60_000, 10_094);
    expect(evaluate(alert, { price: 10_094, at: 11 * 60_000 }, window)).toMatchObject({ price: 10_094, referencePrice: 9_800 });

    const falling = new PriceWindow(alert.windowMs!);
    feed(falling, [[0, 10_000], [1, 9_700]]);
    expect(evaluate(alert, { price: 9_700, at: 60_000 }, falling)).toMatchObject({ referencePrice: 10_000 });
  });

  it('only looks back over the window', () => {
    const window = new PriceWindow(alert.windowMs!);
    feed(window, [[0, 9_000], [16, 9_250]]); // the 9,000 low is 16 minutes old
    expect(evaluate(alert, { price: 9_250, at: 16 * 60_000 }, window)).toBeNull();
  });

  it('measures a re-armed alert from its arming, not from older prices', () => {
    const window = new PriceWindow(alert.windowMs!);
    feed(window, [[0, 9_000], [2, 9_500]]);
    expect(evaluate({ ...alert, armedAt: 60_000 }, { price: 9_500, at: 2 * 60_000 }, window)).toBeNull();
    expect(evaluate(alert, { price: 9_500, at: 2 * 60_000 }, window)).not.toBeNull();
  });
});

describe('PriceWindow', () => {
  it('answers min/max since any instant like a brute-force scan', () => {
    const random = new SeededRandom('window');
    const window = new PriceWindow(600_000);
    const history: { at: number; price: number }[] = [];
    let price = 10_000;
    for (let i = 0; i < 5_000; i++) {
      const t = i * 1_000;
      price = Math.max(1, Math.round(price * (1 + random.normal() * 0.002)));
      window.push(t, price);
      history.push({ at: t, price });
      if (i % 97 === 0) {
        const since = t - Math.floor(random.next() * 600_000);
        const inRange = history.filter((p) => p.at >= since && p.at >= t - 600_000).map((p) => p.price);
        expect(window.minSince(since)).toBe(Math.min(...inRange));
        expect(window.maxSince(since)).toBe(Math.max(...inRange));
      }
    }
  });
});
