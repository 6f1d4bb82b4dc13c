import { uuidv7, type Db, type Logger, type PubSub } from '@mosaic/kit';
import { findLatestCandles } from '../../data/candles-repo';
import { findAllQuotes, quoteStateOf } from '../../data/quotes-repo';
import type { StocksSettings } from '../../settings';
import { AlertEngine } from '../alerts/alert-engine';
import type { InstrumentCatalog } from '../instrument-catalog';
import { isCandleInterval } from '../intervals';
import { createFeed } from '../../providers/create-feed';
import type { MarketFeed } from '../../providers/market-feed';
import { backfillFromProvider } from './provider-backfill';
import { Ingestor } from './ingestor';
import { InterestTracker } from './interest-tracker';
import { InterestAnnouncer, UpstreamInterest } from './upstream-interest';

export interface MarketRuntimeDeps {
  db: Db;
  pubsub: PubSub;
  log: Logger;
  now: () => Date;
  catalog: InstrumentCatalog;
  settings: StocksSettings;
  /** A feed to use instead of the one the settings describe (tests). */
  feed?: MarketFeed;
}

/** How long a replica's announced interest holds without a heartbeat. */
const INTEREST_TTL_MS = 30_000;

/**
 * The live side of the subgraph, started by build() and stopped by BuiltSubgraph.close.
 *
 * Every replica tracks and announces what its subscribers watch. The feed owner (one replica,
 * `feedOwner`) also runs the feed, subscribed to what anyone watches or has alerts on; ingests its
 * trades into quotes and candles; publishes them to pub/sub, which every replica's subscriptions
 * read; stores them on a timer; and evaluates alerts.
 */
export class MarketRuntime {
  readonly interest: InterestTracker;
  readonly replica = uuidv7();
  ingestor: Ingestor | null = null;
  alerts: AlertEngine | null = null;
  feed: MarketFeed | null = null;
  upstream: UpstreamInterest | null = null;
  private readonly announcer: InterestAnnouncer;
  private flushTimer: NodeJS.Timeout | null = null;
  private feedStarted: Promise<void> = Promise.resolve();
  private stopFeedListener: (() => void) | null = null;

  constructor(private readonly deps: MarketRuntimeDeps) {
    this.interest = new InterestTracker(deps.settings.interestLingerMs);
    this.announcer = new InterestAnnouncer(this.interest, deps.pubsub, this.replica, INTEREST_TTL_MS, deps.log);
  }

  async start(): Promise<void> {
    const { db, pubsub, log, now, settings } = this.deps;
    if (settings.feedOwner) {
      const ingestor = new Ingestor({ db, pubsub, log, now, onLiveTrades: (trades) => this.alerts?.onTrades(trades) });
      ingestor.quotes.seed((await findAllQuotes(db)).map(quoteStateOf));
      ingestor.candles.seed(
        (await findLatestCandles(db)).flatMap((row) =>
          isCandleInterval(row.interval) ? [{ ...row, interval: row.interval, start: row.start.getTime(), firstTradeAt: row.firstTradeAt.getTime(), lastTradeAt: row.lastTradeAt.getTime() }] : [],
        ),
      );
      const feed = this.deps.feed ?? (await createFeed(settings.feed, this.deps));
      const upstream = new UpstreamInterest(feed, pubsub, () => now().getTime());
      const alerts = new AlertEngine({ db, pubsub, log, now, onSymbols: (symbols) => upstream.setAlertSymbols(symbols) });
      this.ingestor = ingestor;
      this.feed = feed;
      this.upstream = upstream;
      this.alerts = alerts;
      this.stopFeedListener = feed.onTrade((batch) => ingestor.ingest(batch));
      await upstream.start();
      await alerts.start();
      this.flushTimer = setInterval(() => void ingestor.flush(), settings.flushIntervalMs);
      this.flushTimer.unref();
      // In the background: a simulator's warm-up or a provider's backfill may take a while, and the
      // subgraph serves meanwhile.
      this.feedStarted = feed
        .start()
        .then(() => (feed.history ? backfillFromProvider(feed, this.deps) : undefined))
        .catch((error: unknown) => log.error({ err: error, feed: feed.name }, 'the market feed did not start'));
    }
    this.announcer.start();
  }

  /** Resolves once the feed has started (after a simulator's warm-up). */
  ready(): Promise<void> {
    return this.feedStarted;
  }

  /** Stores what was ingested so far (tests call it instead of waiting for the timer). */
  async flush(): Promise<void> {
    await this.ingestor?.flush();
  }

  async stop(): Promise<void> {
    this.announcer.stop();
    this.interest.close();
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.stopFeedListener?.();
    await this.feed?.stop();
    await this.feedStarted;
    await this.alerts?.stop();
    await this.upstream?.stop();
    await this.ingestor?.flush();
  }
}
