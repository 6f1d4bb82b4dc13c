import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONFLATE_BY, SHARE_KEY, createMemoryPubSub, topicStream } from '@mosaic/kit';
import { InterestTracker } from '../src/domain/live/interest-tracker';
import { UpstreamInterest } from '../src/domain/live/upstream-interest';
import { ManualFeed } from './manual-feed';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('InterestTracker', () => {
  afterEach(() => vi.useRealTimers());

  it('reference-counts watchers and releases after the linger delay', async () => {
    vi.useFakeTimers();
    const tracker = new InterestTracker(1_000);
    const changes: string[][] = [];
    tracker.onChange((symbols) => changes.push([...symbols].sort()));
    const first = tracker.acquire(['AAPL', 'MSFT']);
    const second = tracker.acquire(['AAPL']);
    expect(changes).toEqual([['AAPL', 'MSFT']]);
    first();
    first(); // releasing twice counts once
    vi.advanceTimersByTime(1_000);
    expect(changes.at(-1)).toEqual(['AAPL']);
    second();
    vi.advanceTimersByTime(999);
    expect([...tracker.symbols()]).toEqual(['AAPL']);
    // Watched again before the linger ran out: no unsubscribe/subscribe churn.
    const third = tracker.acquire(['AAPL']);
    vi.advanceTimersByTime(10);
    expect(changes).toHaveLength(2);
    third();
    vi.advanceTimersByTime(1_000);
    expect(changes.at(-1)).toEqual([]);
  });
});

describe('UpstreamInterest', () => {
  it('subscribes the feed to the union of every replica and of alert symbols, and drops what expires', async () => {
    const pubsub = createMemoryPubSub();
    const feed = new ManualFeed();
    let now = 0;
    const upstream = new UpstreamInterest(feed, pubsub, () => now);
    await upstream.start();
    await pubsub.publish('stocks:interest', { replica: 'a', symbols: ['AAPL', 'MSFT'], ttlMs: 30_000 });
    await pubsub.publish('stocks:interest', { replica: 'b', symbols: ['MSFT', 'IBM'], ttlMs: 30_000 });
    await tick();
    upstream.setAlertSymbols(['NVDA']);
    expect([...feed.subscribed].sort()).toEqual(['AAPL', 'IBM', 'MSFT', 'NVDA']);
    await pubsub.publish('stocks:interest', { replica: 'a', symbols: [], ttlMs: 0 });
    await tick();
    expect([...feed.subscribed].sort()).toEqual(['IBM', 'MSFT', 'NVDA']);
    now = 31_000; // b stopped announcing
    upstream.setAlertSymbols(['NVDA']);
    expect([...feed.subscribed]).toEqual(['NVDA']);
    expect(feed.calls.filter((call) => call === '+MSFT')).toHaveLength(1); // never twice
    await upstream.stop();
  });
});

describe('topicStream with keyOf (market data)', () => {
  it('keeps the newest event per key for a slow reader, marks sharing, and cleans up', async () => {
    const pubsub = createMemoryPubSub();
    let closed = 0;
    const stream = await topicStream<{ symbol: string; last: number }>(pubsub, ['q:A', 'q:B'], {
      keyOf: (quote) => quote.symbol,
      shareKey: 'quotes:A,B',
      conflateBy: 'symbol',
      onClose: () => closed++,
    });
    expect((stream as unknown as Record<symbol, unknown>)[SHARE_KEY]).toBe('quotes:A,B');
    expect((stream as unknown as Record<symbol, unknown>)[CONFLATE_BY]).toBe('symbol');
    for (const [topic, symbol, last] of [['q:A', 'A', 1], ['q:B', 'B', 1], ['q:A', 'A', 2], ['q:A', 'A', 3], ['q:B', 'B', 2]] as const) {
      await pubsub.publish(topic, { symbol, last });
    }
    await tick();
    // The reader was not waiting: A and B, each at its latest, A first (it arrived first).
    expect((await stream.next()).value).toEqual({ symbol: 'A', last: 3 });
    expect((await stream.next()).value).toEqual({ symbol: 'B', last: 2 });
    // A waiting reader gets each event at once.
    const next = stream.next();
    await pubsub.publish('q:B', { symbol: 'B', last: 9 });
    expect((await next).value).toEqual({ symbol: 'B', last: 9 });
    await stream.return!();
    await stream.return!();
    expect(closed).toBe(1);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
