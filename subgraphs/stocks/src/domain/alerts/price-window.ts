interface Point {
  at: number;
  price: number;
}

/**
 * The lowest and highest price of a symbol over any trailing span up to `retentionMs`, for
 * PERCENT_MOVE alerts. Two monotonic deques: the min deque holds increasing prices at increasing
 * times, so the first entry at or after `since` is the minimum of everything since then (and
 * likewise for the max). Each trade costs amortised O(1); a query O(log n) — so alerts with
 * different windows and arming times share one structure per symbol.
 */
export class PriceWindow {
  private readonly lows: Point[] = [];
  private lowHead = 0;
  private readonly highs: Point[] = [];
  private highHead = 0;
  private lastAt = -Infinity;

  constructor(public retentionMs: number) {}

  push(at: number, price: number): void {
    // A late trade is counted at the latest time seen: windows only move forward.
    const time = Math.max(at, this.lastAt);
    this.lastAt = time;
    while (this.lows.length > this.lowHead && this.lows.at(-1)!.price >= price) this.lows.pop();
    this.lows.push({ at: time, price });
    while (this.highs.length > this.highHead && this.highs.at(-1)!.price <= price) this.highs.pop();
    this.highs.push({ at: time, price });
    this.evict(time - this.retentionMs);
  }

  /** The lowest price at or after `since`; null when no trade is that recent. */
  minSince(since: number): number | null {
    return firstAtOrAfter(this.lows, this.lowHead, since)?.price ?? null;
  }

  maxSince(since: number): number | null {
    return firstAtOrAfter(this.highs, this.highHead, since)?.price ?? null;
  }

  private evict(cutoff: number) {
    while (this.lowHead < this.lows.length && this.lows[this.lowHead]!.at < cutoff) this.lowHead++;
    while (this.highHead < this.highs.length && this.highs[this.highHead]!.at < cutoff) this.highHead++;
    // Drop evicted entries now and then, so the arrays do not grow for ever.
    if (this.lowHead > 1024 && this.lowHead * 2 > this.lows.length) {
      this.lows.splice(0, this.lowHead);
      this.lowHead = 0;
    }
    if (this.highHead > 1024 && this.highHead * 2 > this.highs.length) {
      this.highs.splice(0, this.highHead);
      this.highHead = 0;
    }
  }
}

function firstAtOrAfter(points: readonly Point[], head: number, since: number): Point | undefined {
  let lo = head;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.at < since) lo = mid + 1;
    else hi = mid;
  }
  return points[lo];
}
