import { createLogger, createMemoryPubSub, type Db } from '@mosaic/kit';
import { backtest } from './domain/insights/backtest';
import { FORECAST_LOOKBACK, forecastPrices } from './domain/insights/forecast';
import { Ingestor } from './domain/live/ingestor';
import { SimulatedMarket } from './providers/simulated/market';
import { profileFor } from './providers/simulated/profiles';
import { exchangeSession, US_WINTER_HOURS } from './domain/market/trading-session';
import type { Trade } from './domain/market/trade';

/**
 * Reproduces the numbers in README.md: `pnpm --filter @mosaic/stocks measure`.
 * 1. The forecast's walk-forward backtest on the default simulation (seed "mosaic", exchange
 *    hours, a trade every 5 s per symbol, 10 trading days), as the API computes it (the latest
 *    600 candles) and over a longer sample (all candles, 300 origins).
 * 2. Ingestion throughput: trades per second through quotes + candles at four intervals + events
 *    (in-memory pub/sub, nobody listening; storage is measured separately by the flush).
 */
const SYMBOLS = ['ACME', 'GLOBX', 'HOOLI', 'AAPL'];
const start = Date.parse('2026-03-02T14:30:00Z');
const session = exchangeSession(US_WINTER_HOURS);
const market = new SimulatedMarket(SYMBOLS.map(profileFor), { seed: 'mosaic', session, startAt: start - 5_000 });
const trades: Trade[] = [];
for (let at = start; at < start + 14 * 86_400_000; at += 5_000) {
  if (!session.isOpen(at)) continue;
  trades.push(...market.advanceTo(at));
}

const ingestor = new Ingestor({ db: null as unknown as Db, pubsub: createMemoryPubSub(), log: createLogger('measure', { level: 'silent' }), now: () => new Date() });
const began = performance.now();
for (let i = 0; i < trades.length; i += 1_000) ingestor.ingest({ trades: trades.slice(i, i + 1_000), historical: false });
const seconds = (performance.now() - began) / 1_000;
const pending = ingestor.candles.takePending();
console.log(`ingest: ${trades.length} trades in ${seconds.toFixed(2)} s = ${Math.round(trades.length / seconds).toLocaleString('en')} trades/s (${pending.length} candle buckets to store)`);

const closesOf = (symbol: string, interval: 'M1' | 'M5') =>
  pending
    .filter((candle) => candle.symbol === symbol && candle.interval === interval)
    .sort((a, b) => a.start - b.start)
    .map((candle) => candle.close);

const fmt = (value: number) => value.toFixed(value < 10 ? 3 : 1);
console.log('\nsymbol interval horizon | API (latest 600 candles): model | long sample (all candles, 300 origins): mae / baselineMae / skill');
for (const symbol of SYMBOLS) {
  for (const [interval, horizons] of [['M1', [1, 5, 15]], ['M5', [1, 12]]] as const) {
    const closes = closesOf(symbol, interval);
    for (const horizon of horizons) {
      const api = forecastPrices(closes.slice(-FORECAST_LOOKBACK), horizon)!;
      const long = backtest(closes, horizon, { maxOrigins: 300 })!;
      console.log(
        `${symbol.padEnd(6)} ${interval} h=${String(horizon).padEnd(2)} | ${api.description.slice(0, 28)}… mae ${fmt(api.backtest.mae)} vs ${fmt(api.backtest.baselineMae)}, skill ${api.backtest.skill.toFixed(3)}, n=${api.backtest.samples}` +
          ` | ${fmt(long.mae)} / ${fmt(long.baselineMae)} / ${long.skill.toFixed(3)} (n=${long.samples}, ${closes.length} candles)`,
      );
    }
  }
}
