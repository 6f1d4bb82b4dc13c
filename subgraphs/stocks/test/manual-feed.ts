import type { MarketFeed, Trade, TradeBatch } from '../src/index';

/** A feed the test drives: `push` delivers trades as a provider would; subscriptions are recorded. */
export class ManualFeed implements MarketFeed {
  readonly name = 'manual';
  readonly subscribed = new Set<string>();
  readonly calls: string[] = [];
  private readonly listeners = new Set<(batch: TradeBatch) => void>();

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.subscribed.add(symbol);
      this.calls.push(`+${symbol}`);
    }
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      this.subscribed.delete(symbol);
      this.calls.push(`-${symbol}`);
    }
  }

  onTrade(listener: (batch: TradeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  push(trades: Trade[], historical = false): void {
    for (const listener of this.listeners) listener({ trades, historical });
  }
}
