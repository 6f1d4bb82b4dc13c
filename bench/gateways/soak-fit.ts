/** A sample of the soak: seconds since the load started, memory in MiB. */
export interface SoakSample {
  atSeconds: number;
  rssMiB: number;
  heapUsedMiB: number;
}

export interface Growth {
  /** Least-squares slope, MiB per minute. */
  slopeMiBPerMinute: number;
  /** What the slope adds over the fitted window, MiB. */
  overWindowMiB: number;
  /** Coefficient of determination of the fit (near 0: no trend, noise only). */
  r2: number;
}

/** Ordinary least squares of `value` over `atSeconds`. */
export function linearGrowth(samples: readonly SoakSample[], value: (s: SoakSample) => number): Growth {
  const n = samples.length;
  if (n < 3) throw new Error(`a growth fit needs at least 3 samples, got ${n}`);
  const xs = samples.map((s) => s.atSeconds / 60);
  const ys = samples.map(value);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const r2 = sxx === 0 || syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { slopeMiBPerMinute: round(slope, 3), overWindowMiB: round(slope * (xs[n - 1]! - xs[0]!), 2), r2: round(r2, 3) };
}

/**
 * The verdict on a soak: the heap that survives a full collection grows when the fitted line adds
 * more than `toleranceMiB` over the window *and* explains the samples (r² ≥ 0.5) — a level that
 * only wobbles (caches filling to their bound, then evictions) has a low r² or a small slope.
 */
export function leakVerdict(heap: Growth, toleranceMiB: number): 'no growth' | 'grows' {
  return heap.overWindowMiB > toleranceMiB && heap.r2 >= 0.5 ? 'grows' : 'no growth';
}
