import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPubSub, type PubSub } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, testLogger, wsClient, type TestDatabase } from '@mosaic/testing';
import { startStocks, type StocksApp } from './harness';
import type { ManualFeed } from './manual-feed';
import { trade } from './trades';
import { observedPubSub } from './observed-pubsub';
import { waitFor, wsUrl } from './wait';

/**
 * Services mode with two replicas on one database and Redis pub/sub: the owner ingests the feed,
 * the other (STOCKS_FEED_OWNER=false) only serves. Clients of either get the same live data.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let database: TestDatabase;
let owner: StocksApp;
let follower: StocksApp;
const pubsubs: PubSub[] = [];
let followerPubSub: ReturnType<typeof observedPubSub>;
const offset = Date.parse('2026-03-02T14:00:00Z') - Date.now();

beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  // Each replica has its own Redis connections, as separate processes would; a prefix per run keeps runs apart.
  const prefix = `mosaic-test-${randomBytes(4).toString('hex')}:`;
  const redis = async () => {
    const pubsub = await createRedisPubSub(REDIS_URL, testLogger, prefix);
    pubsubs.push(pubsub);
    return pubsub;
  };
  const now = () => new Date(Date.now() + offset);
  owner = await startStocks({ database, auth, pubsub: await redis(), now });
  follower = await startStocks({ database, auth, pubsub: followerPubSub = observedPubSub(await redis()), now, settings: { feedOwner: false } });
});
afterAll(async () => {
  await follower?.close();
  await owner?.close();
  await Promise.all(pubsubs.map((pubsub) => pubsub.close()));
  await database?.drop();
});

describe('feed owner and follower replicas over Redis', () => {
  it('only the owner runs the feed; a follower’s subscriber makes it subscribe upstream and gets its quotes', async () => {
    expect(follower.built.market.feed).toBeNull();
    expect(follower.built.market.ingestor).toBeNull();
    const feed = owner.feed as ManualFeed;
    const client = wsClient(wsUrl(follower.url));
    const stream = collect(client, `subscription { quotes(symbols: ["NVDA"]) { symbol last instrument { name } } }`);
    // The follower announces NVDA through Redis; the owner's feed subscribes it.
    await waitFor(() => feed.subscribed.has('NVDA'), 10_000, 'the owner to subscribe NVDA');
    await waitFor(() => followerPubSub.listening('stocks:quote:NVDA'), 10_000, 'the follower to listen on Redis');
    feed.push([trade('NVDA', 13_500, '2026-03-02T15:00:00Z'), trade('NVDA', 13_510, '2026-03-02T15:00:01Z')]);
    const events = await stream.waitFor(2);
    expect(events.map((event) => event.data!.quotes)).toEqual([
      { symbol: 'NVDA', last: 13_500, instrument: { name: 'NVIDIA Corporation' } },
      { symbol: 'NVDA', last: 13_510, instrument: { name: 'NVIDIA Corporation' } },
    ]);

    // Queries on the follower read what the owner stored.
    await owner.built.market.flush();
    const quote = await follower.call(`{ instrument(symbol: "NVDA") { quote { last } } }`);
    expect(quote.data!.instrument.quote.last).toBe(13_510);

    stream.stop();
    await waitFor(() => !feed.subscribed.has('NVDA'), 10_000, 'the owner to unsubscribe NVDA');
    await client.dispose();
  });

  it('an alert created on the follower is evaluated by the owner and delivered to the follower’s subscriber, once', async () => {
    const ada = await follower.auth.newUser();
    const client = wsClient(wsUrl(follower.url), ada.token);
    const stream = collect(client, `subscription { priceAlertTriggered { price alert { status } instrument { symbol } } }`);
    const created = await follower.call(`mutation { createPriceAlert(input: { symbol: "AMZN", condition: BELOW, price: 18000 }) { id } }`, {}, ada.token);
    expect(created.errors).toBeUndefined();
    await waitFor(() => owner.built.market.alerts!.armedCount() === 1, 10_000, 'the owner to load the alert');
    // The owner also streams AMZN now (armed alerts count as interest).
    await waitFor(() => (owner.feed as ManualFeed).subscribed.has('AMZN'));

    await waitFor(() => followerPubSub.listening(`stocks:alert-triggered:${ada.userId}`), 10_000, 'the follower to listen on Redis');
    (owner.feed as ManualFeed).push([trade('AMZN', 17_990, '2026-03-02T15:00:00Z'), trade('AMZN', 17_900, '2026-03-02T15:00:01Z')]);
    const [event] = await stream.waitFor(1, 10_000);
    expect(event!.data!.priceAlertTriggered).toEqual({ price: 17_990, alert: { status: 'TRIGGERED' }, instrument: { symbol: 'AMZN' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.results).toHaveLength(1);
    stream.stop();
    await client.dispose();
  });
});
