import { describe, expect, it } from 'vitest';
import { CandleAggregator, type LiveCandle } from '../src/domain/live/candle-aggregator';
import { QuoteBook } from '../src/domain/live/quote-book';
import { bucketStart } from '../src/domain/intervals';
import { at, trade } from './trades';

const current = (aggregator: CandleAggregator, interval: 'M1' | 'M5' | 'H1' | 'D1') => {
  const candle = aggregator.currentCandle('ACME', interval)!;
  return { start: new Date(candle.start).toISOString(), o: candle.open, h: candle.high, l: candle.low, c: candle.close, v: candle.volume, n: candle.trades };
};

describe('bucketStart', () => {
  it('aligns buckets on UTC', () => {
    const t = at('2026-03-02T15:07:42.123Z');
    expect(new Date(bucketStart('M1', t)).toISOString()).toBe('2026-03-02T15:07:00.000Z');
    expect(new Date(bucketStart('M5', t)).toISOString()).toBe('2026-03-02T15:05:00.000Z');
    expect(new Date(bucketStart('H1', t)).toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(new Date(bucketStart('D1', t)).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});

describe('CandleAggregator', () => {
  it('builds OHLCV at every interval and rolls buckets over', () => {
    const aggregator = new CandleAggregator();
    const touched = new Map<string, LiveCandle>();
    for (const t of [
      trade('ACME', 100, '2026-03-02T15:00:05Z', 10),
      trade('ACME', 105, '2026-03-02T15:00:20Z', 20),
      trade('ACME', 98, '2026-03-02T15:00:40Z', 30),
      trade('ACME', 101, '2026-03-02T15:00:59.999Z', 40),
    ]) aggregator.add(t, touched);
    expect(touched.size).toBe(4); // M1, M5, H1, D1 of ACME
    expect(current(aggregator, 'M1')).toEqual({ start: '2026-03-02T15:00:00.000Z', o: 100, h: 105, l: 98, c: 101, v: 100, n: 4 });

    aggregator.add(trade('ACME', 110, '2026-03-02T15:01:00Z', 5));
    expect(current(aggregator, 'M1')).toEqual({ start: '2026-03-02T15:01:00.000Z', o: 110, h: 110, l: 110, c: 110, v: 5, n: 1 });
    expect(current(aggregator, 'M5')).toEqual({ start: '2026-03-02T15:00:00.000Z', o: 100, h: 110, l: 98, c: 110, v: 105, n: 5 });
    expect(current(aggregator, 'D1')).toMatchObject({ start: '2026-03-02T00:00:00.000Z', v: 105 });

    // Deltas: two M1 buckets, one each of the rest.
    const deltas = aggregator.takePending();
    expect(deltas.map((d) => `${d.interval} ${new Date(d.start).toISOString()} v${d.volume}`).sort()).toEqual([
      'D1 2026-03-02T00:00:00.000Z v105',
      'H1 2026-03-02T15:00:00.000Z v105',
      'M1 2026-03-02T15:00:00.000Z v100',
      'M1 2026-03-02T15:01:00.000Z v5',
      'M5 2026-03-02T15:00:00.000Z v105',
    ]);
    expect(aggregator.pendingCount).toBe(0);
  });

  it('orders open and close by trade time, so a late trade never becomes the close', () => {
    const aggregator = new CandleAggregator();
    aggregator.add(trade('ACME', 100, '2026-03-02T15:00:30Z'));
    aggregator.add(trade('ACME', 90, '2026-03-02T15:00:10Z')); // arrives late, happened earlier
    expect(current(aggregator, 'M1')).toMatchObject({ o: 90, c: 100, l: 90 });
  });

  it('a trade for a bucket that is no longer current only goes to storage', () => {
    const aggregator = new CandleAggregator();
    aggregator.add(trade('ACME', 100, '2026-03-02T15:01:10Z'));
    aggregator.takePending();
    const touched = new Map<string, LiveCandle>();
    aggregator.add(trade('ACME', 99, '2026-03-02T15:00:50Z'), touched);
    expect([...touched.values()].map((c) => c.interval).sort()).toEqual(['D1', 'H1', 'M5']); // not M1
    expect(current(aggregator, 'M1')).toMatchObject({ start: '2026-03-02T15:01:00.000Z', o: 100 });
    const late = aggregator.takePending().find((d) => d.interval === 'M1')!;
    expect(new Date(late.start).toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('continues a seeded bucket after a restart, and merges restored deltas with newer ones', () => {
    const aggregator = new CandleAggregator();
    const start = at('2026-03-02T15:00:00Z');
    aggregator.seed([{ symbol: 'ACME', interval: 'M1', start, open: 100, high: 120, low: 90, close: 110, volume: 50, trades: 3, firstTradeAt: start + 1_000, lastTradeAt: start + 20_000 }]);
    aggregator.add(trade('ACME', 125, '2026-03-02T15:00:40Z', 10));
    expect(current(aggregator, 'M1')).toMatchObject({ o: 100, h: 125, l: 90, c: 125, v: 60, n: 4 });

    const failed = aggregator.takePending();
    aggregator.add(trade('ACME', 80, '2026-03-02T15:00:50Z', 1));
    aggregator.restore(failed);
    const m1 = aggregator.takePending().find((d) => d.interval === 'M1')!;
    expect(m1).toMatchObject({ open: 125, close: 80, high: 125, low: 80, volume: 11, trades: 2 });
  });
});

describe('QuoteBook', () => {
  it('tracks last, day volume and the previous close across a UTC day change', () => {
    const book = new QuoteBook();
    book.apply({ ...trade('ACME', 100, '2026-03-02T20:59:00Z', 10), bid: 99, ask: 101 });
    expect(book.get('ACME')).toMatchObject({ last: 100, bid: 99, ask: 101, previousClose: null, dayVolume: 10 });
    book.apply(trade('ACME', 104, '2026-03-02T20:59:30Z', 5));
    expect(book.get('ACME')).toMatchObject({ last: 104, bid: null, dayVolume: 15 });
    book.apply(trade('ACME', 101, '2026-03-02T20:59:10Z', 1)); // late: volume only
    expect(book.get('ACME')).toMatchObject({ last: 104, dayVolume: 16 });
    book.apply(trade('ACME', 110, '2026-03-03T14:30:00Z', 7));
    expect(book.get('ACME')).toMatchObject({ last: 110, previousClose: 104, dayVolume: 7 });
    expect(book.takeDirty().map((q) => q.symbol)).toEqual(['ACME']);
    expect(book.takeDirty()).toEqual([]);
  });
});
