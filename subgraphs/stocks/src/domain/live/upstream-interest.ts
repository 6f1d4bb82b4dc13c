import type { Logger, PubSub } from '@mosaic/kit';
import type { MarketFeed } from '../../providers/market-feed';
import type { InterestTracker } from './interest-tracker';
import { topics } from './topics';

/** What each replica announces about its subscribers (see InterestAnnouncer). */
export interface InterestAnnouncement {
  replica: string;
  symbols: string[];
  /** The announcement holds this long unless renewed (a replica that died stops counting). */
  ttlMs: number;
}

/**
 * Every replica announces the symbols its subscribers watch: on every change and as a heartbeat,
 * so the feed owner learns them wherever the subscribers are connected.
 */
export class InterestAnnouncer {
  private heartbeat: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly tracker: InterestTracker,
    private readonly pubsub: PubSub,
    private readonly replica: string,
    private readonly ttlMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopListening = this.tracker.onChange(() => this.announce());
    this.heartbeat = setInterval(() => this.announce(), this.ttlMs / 3);
    this.heartbeat.unref();
    this.announce();
  }

  stop(): void {
    this.stopListening?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
    // Withdraw at once rather than wait for the TTL.
    void this.pubsub.publish(topics.interest, { replica: this.replica, symbols: [], ttlMs: 0 } satisfies InterestAnnouncement).catch(() => {});
  }

  private announce() {
    const announcement: InterestAnnouncement = { replica: this.replica, symbols: [...this.tracker.symbols()].sort(), ttlMs: this.ttlMs };
    this.pubsub.publish(topics.interest, announcement).catch((error: unknown) => this.log.warn({ err: error }, 'could not announce watched symbols'));
  }
}

/**
 * The feed owner's view of what someone watches: the union of every replica's announced
 * subscribers and the symbols with armed alerts. The feed is subscribed to exactly that set, so a
 * metered provider streams only what is watched, over one connection.
 */
export class UpstreamInterest {
  private readonly replicas = new Map<string, { symbols: Set<string>; expiresAt: number }>();
  private alertSymbols = new Set<string>();
  private current = new Set<string>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly feed: MarketFeed,
    private readonly pubsub: PubSub,
    private readonly now: () => number,
  ) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.pubsub.subscribe(topics.interest, (payload) => this.receive(payload as InterestAnnouncement));
    this.sweeper = setInterval(() => this.recompute(), 5_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.unsubscribe?.();
  }

  setAlertSymbols(symbols: Iterable<string>): void {
    this.alertSymbols = new Set(symbols);
    this.recompute();
  }

  watched(): ReadonlySet<string> {
    return this.current;
  }

  private receive(announcement: InterestAnnouncement) {
    if (announcement.symbols.length === 0 || announcement.ttlMs <= 0) this.replicas.delete(announcement.replica);
    else this.replicas.set(announcement.replica, { symbols: new Set(announcement.symbols), expiresAt: this.now() + announcement.ttlMs });
    this.recompute();
  }

  private recompute() {
    const now = this.now();
    const wanted = new Set(this.alertSymbols);
    for (const [replica, entry] of this.replicas) {
      if (entry.expiresAt <= now) this.replicas.delete(replica);
      else for (const symbol of entry.symbols) wanted.add(symbol);
    }
    const added = [...wanted].filter((symbol) => !this.current.has(symbol));
    const removed = [...this.current].filter((symbol) => !wanted.has(symbol));
    this.current = wanted;
    if (added.length > 0) this.feed.subscribe(added);
    if (removed.length > 0) this.feed.unsubscribe(removed);
  }
}
