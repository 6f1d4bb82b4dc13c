import type { PriceForecast } from './forecast';

/**
 * Recent forecasts by (symbol, interval, horizon, newest candle): fitting and backtesting costs
 * tens of milliseconds, and until a new candle closes the answer is the same for every caller.
 */
export class ForecastCache {
  private readonly entries = new Map<string, PriceForecast | null>();

  constructor(private readonly capacity = 500) {}

  getOrCompute(key: string, compute: () => PriceForecast | null): PriceForecast | null {
    if (this.entries.has(key)) {
      const value = this.entries.get(key)!;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
