import { uuidv7, type Db, type Logger, type PubSub } from '@mosaic/kit';
import { findArmedAlerts } from '../../data/alerts-repo';
import type { Trade } from '../market/trade';
import { topics } from '../live/topics';
import { armedAlertOf, evaluate, type ArmedAlert, type Firing } from './alert-rules';
import { fireAndAnnounce } from './fire-alert';
import { PriceWindow } from './price-window';

export interface AlertEngineOptions {
  db: Db;
  pubsub: PubSub;
  log: Logger;
  now: () => Date;
  /** Told the symbols with armed alerts whenever they change (the feed must stream them). */
  onSymbols?: (symbols: ReadonlySet<string>) => void;
  /** A full reload from the database this often, as a safety net for missed change messages. */
  reloadIntervalMs?: number;
}

/**
 * Evaluates armed alerts against live trades on the feed owner. Alerts are indexed by symbol in
 * memory, so a trade costs a map lookup plus its own symbol's alerts; the index is refreshed per
 * symbol when an alert changes (a pub/sub message from whichever replica changed it) and in full
 * periodically. Firing goes through the database's compare-and-set, so a stale index or a racing
 * evaluator can never fire an alert twice.
 */
export class AlertEngine {
  private bySymbol = new Map<string, ArmedAlert[]>();
  private readonly windows = new Map<string, PriceWindow>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  fired = 0;

  constructor(private readonly options: AlertEngineOptions) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.options.pubsub.subscribe(topics.alertRulesChanged, (payload) => {
      const { symbol } = payload as { symbol: string };
      this.reloadSymbol(symbol).catch((error: unknown) => this.options.log.warn({ err: error, symbol }, 'could not reload alerts'));
    });
    await this.reloadAll();
    this.reloadTimer = setInterval(() => void this.reloadAll().catch((error: unknown) => this.options.log.warn({ err: error }, 'could not reload alerts')), this.options.reloadIntervalMs ?? 60_000);
    this.reloadTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    await this.unsubscribe?.();
    await this.idle();
  }

  /** Resolves when every firing started so far is stored and announced. */
  async idle(): Promise<void> {
    await Promise.all(this.inFlight.values());
  }

  armedCount(): number {
    let n = 0;
    for (const alerts of this.bySymbol.values()) n += alerts.length;
    return n;
  }

  onTrades(trades: readonly Trade[]): void {
    for (const trade of trades) {
      const alerts = this.bySymbol.get(trade.symbol);
      if (!alerts) continue;
      const window = this.windows.get(trade.symbol);
      window?.push(trade.at, trade.price);
      for (const alert of alerts) {
        if (this.inFlight.has(alert.id)) continue;
        const firing = evaluate(alert, trade, window);
        if (firing) this.fire(firing);
      }
    }
  }

  async reloadAll(): Promise<void> {
    const grouped = new Map<string, ArmedAlert[]>();
    for (const row of await findArmedAlerts(this.options.db)) {
      const alert = armedAlertOf(row);
      const list = grouped.get(alert.symbol);
      if (list) list.push(alert);
      else grouped.set(alert.symbol, [alert]);
    }
    this.bySymbol = grouped;
    for (const symbol of new Set([...grouped.keys(), ...this.windows.keys()])) this.fitWindow(symbol);
    this.options.onSymbols?.(new Set(grouped.keys()));
  }

  async reloadSymbol(symbol: string): Promise<void> {
    const alerts = (await findArmedAlerts(this.options.db, symbol)).map(armedAlertOf);
    const before = this.bySymbol.has(symbol);
    if (alerts.length > 0) this.bySymbol.set(symbol, alerts);
    else this.bySymbol.delete(symbol);
    this.fitWindow(symbol);
    if (before !== alerts.length > 0) this.options.onSymbols?.(new Set(this.bySymbol.keys()));
  }

  /** A symbol keeps a price window only while it has PERCENT_MOVE alerts, as long as the longest one. */
  private fitWindow(symbol: string) {
    const longest = Math.max(0, ...(this.bySymbol.get(symbol) ?? []).map((alert) => alert.windowMs ?? 0));
    const window = this.windows.get(symbol);
    if (longest === 0) this.windows.delete(symbol);
    else if (window) window.retentionMs = longest;
    else this.windows.set(symbol, new PriceWindow(longest));
  }

  private fire(firing: Firing) {
    const { alert } = firing;
    const done = fireAndAnnounce({ ...this.options, triggerId: uuidv7(firing.at) }, firing)
      .then((fired) => {
        if (fired) this.fired++;
        // Fired now or by someone else: either way this generation is spent.
        const remaining = (this.bySymbol.get(alert.symbol) ?? []).filter((candidate) => !(candidate.id === alert.id && candidate.generation === alert.generation));
        if (remaining.length > 0) this.bySymbol.set(alert.symbol, remaining);
        else this.bySymbol.delete(alert.symbol);
      })
      .catch((error: unknown) => this.options.log.error({ err: error, alertId: alert.id }, 'could not fire an alert; it stays armed'))
      .finally(() => this.inFlight.delete(alert.id));
    this.inFlight.set(alert.id, done);
  }
}
