/** Millisecond buckets up to a minute: percentiles of millions of samples in constant memory. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(60_001);
  count = 0;

  record(ms: number): void {
    this.buckets[Math.min(60_000, Math.max(0, Math.round(ms)))]!++;
    this.count++;
  }

  percentile(p: number): number {
    const target = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let ms = 0; ms < this.buckets.length; ms++) {
      seen += this.buckets[ms]!;
      if (seen >= target) return ms;
    }
    return this.buckets.length - 1;
  }
}
