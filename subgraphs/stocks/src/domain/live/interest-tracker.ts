/**
 * Which symbols this replica's subscribers watch, reference-counted. A release takes effect after
 * `lingerMs`, so the gateway's admission check (which opens and at once closes a subscription
 * before the real one) and quick resubscribes do not make the upstream feed unsubscribe and
 * subscribe again.
 */
export class InterestTracker {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<(symbols: ReadonlySet<string>) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly lingerMs: number) {}

  /** Counts one watcher of each symbol; the returned function releases them (once). */
  acquire(symbols: readonly string[]): () => void {
    let changed = false;
    for (const symbol of symbols) {
      const count = this.counts.get(symbol) ?? 0;
      this.counts.set(symbol, count + 1);
      if (count === 0) changed = true;
    }
    if (changed) this.notify();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.lingerMs <= 0 || this.closed) return this.release(symbols);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.release(symbols);
      }, this.lingerMs);
      timer.unref();
      this.timers.add(timer);
    };
  }

  symbols(): ReadonlySet<string> {
    return new Set(this.counts.keys());
  }

  onChange(listener: (symbols: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private release(symbols: readonly string[]) {
    let changed = false;
    for (const symbol of symbols) {
      const count = this.counts.get(symbol) ?? 0;
      if (count <= 1) {
        this.counts.delete(symbol);
        if (count === 1) changed = true;
      } else this.counts.set(symbol, count - 1);
    }
    if (changed) this.notify();
  }

  private notify() {
    const symbols = this.symbols();
    for (const listener of this.listeners) listener(symbols);
  }
}
