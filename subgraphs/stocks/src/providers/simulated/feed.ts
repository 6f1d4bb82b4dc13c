import type { Logger } from '@mosaic/kit';
import { TradeListeners, type MarketFeed } from '../market-feed';
import { SimulatedMarket, type SimulationOptions } from './market';
import type { SimulationProfile } from './profiles';
import type { Trade } from '../../domain/market/trade';

export interface SimulatedFeedOptions extends SimulationOptions {
  profiles: readonly SimulationProfile[];
  /** Steps per second of wall-clock time; each symbol trades at most once per step. */
  ticksPerSecond: number;
  now: () => Date;
  log: Logger;
  /** Last known prices (minor units), so a restart continues where the market was. */
  startPrices?: ReadonlyMap<string, number>;
  /**
   * Replays the market from this instant up to now before streaming live (a fresh database gets
   * some history; a restart fills the gap since the last run), at one step per `warmUpStepMs`.
   */
  warmUpFrom?: Date | null;
  warmUpStepMs?: number;
}

/** Trades per historical batch: the warm-up yields to the event loop between batches. */
const WARM_UP_BATCH = 5_000;

/**
 * The offline default: a seeded simulated market streaming on a timer, no network. It simulates
 * every instrument it was given (a simulated exchange prints every listing, and the history feeds
 * indicators and forecasts); `subscribe` adds symbols it did not know, `unsubscribe` is a no-op.
 */
export class SimulatedFeed implements MarketFeed {
  readonly name = 'simulated';
  private readonly listeners = new TradeListeners();
  private readonly market: SimulatedMarket;
  private timer: NodeJS.Timeout | null = null;
  private lastStep = 0;
  private stopped = false;

  constructor(private readonly options: SimulatedFeedOptions) {
    if (!(options.ticksPerSecond > 0)) throw new Error('ticksPerSecond must be positive.');
    const startAt = (options.warmUpFrom ?? options.now()).getTime();
    this.market = new SimulatedMarket(options.profiles, { ...options, startAt, ...(options.startPrices ? { startPrices: options.startPrices } : {}) });
    this.lastStep = startAt;
  }

  onTrade(listener: Parameters<MarketFeed['onTrade']>[0]) {
    return this.listeners.add(listener);
  }

  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) if (!this.market.symbols.includes(symbol)) this.options.log.debug({ symbol }, 'simulator asked for a symbol it has no profile for');
  }

  unsubscribe(): void {}

  async start(): Promise<void> {
    this.stopped = false;
    if (this.options.warmUpFrom) await this.warmUp(this.options.warmUpFrom.getTime(), this.options.now().getTime());
    if (this.stopped) return;
    this.timer = setInterval(() => this.step(this.options.now().getTime()), 1_000 / this.options.ticksPerSecond);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One live step (also what tests call to tick deterministically). */
  step(at: number): Trade[] {
    if (at <= this.lastStep) return [];
    this.lastStep = at;
    const trades = this.market.advanceTo(at);
    this.listeners.emit({ trades, historical: false });
    return trades;
  }

  private async warmUp(from: number, to: number): Promise<void> {
    const stepMs = this.options.warmUpStepMs ?? 5_000;
    const session = this.options.session;
    let batch: Trade[] = [];
    let at = from + stepMs;
    while (at < to && !this.stopped) {
      if (session && !session.isOpen(at)) {
        // Jump over the closed hours instead of stepping through them.
        at = Math.max(at + stepMs, session.nextOpen(at));
        continue;
      }
      batch.push(...this.market.advanceTo(at));
      this.lastStep = at;
      if (batch.length >= WARM_UP_BATCH) {
        this.listeners.emit({ trades: batch, historical: true });
        batch = [];
        await new Promise((resolve) => setImmediate(resolve));
      }
      at += stepMs;
    }
    this.listeners.emit({ trades: batch, historical: true });
    this.options.log.info({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }, 'simulated market warmed up');
  }
}
