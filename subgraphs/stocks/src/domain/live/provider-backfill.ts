import type { Db, Logger } from '@mosaic/kit';
import { findLatestCandles, replaceCandles } from '../../data/candles-repo';
import type { StocksSettings } from '../../settings';
import type { InstrumentCatalog } from '../instrument-catalog';
import { CANDLE_INTERVALS } from '../intervals';
import type { MarketFeed } from '../../providers/market-feed';

const DAY = 86_400_000;

/**
 * A provider with history (Finnhub's REST candles): fetch what the database lacks, per real
 * instrument and interval, from the last stored bucket (or `backfillDays` back) to now. Failures
 * (a plan without candle access, rate limits) are logged and skipped: live data still flows.
 */
export async function backfillFromProvider(
  feed: MarketFeed,
  deps: { db: Db; log: Logger; now: () => Date; catalog: InstrumentCatalog; settings: StocksSettings },
): Promise<void> {
  if (!feed.history || deps.settings.feed.kind !== 'finnhub' || deps.settings.feed.backfillDays === 0) return;
  const now = deps.now();
  const latest = new Map((await findLatestCandles(deps.db)).map((row) => [`${row.symbol} ${row.interval}`, row.start.getTime()]));
  const earliest = now.getTime() - deps.settings.feed.backfillDays * DAY;
  for (const instrument of deps.catalog.all().filter((row) => row.providerSymbol !== null)) {
    for (const interval of CANDLE_INTERVALS) {
      const from = Math.max(earliest, latest.get(`${instrument.symbol} ${interval}`) ?? earliest);
      try {
        const bars = await feed.history({ symbol: instrument.symbol, interval, from: new Date(from), to: now });
        await replaceCandles(
          deps.db,
          bars.map((bar) => ({
            symbol: instrument.symbol,
            interval,
            start: new Date(bar.start),
            open: bar.open,
            high: Math.max(bar.high, bar.open, bar.close),
            low: Math.min(bar.low, bar.open, bar.close),
            close: bar.close,
            volume: bar.volume,
            trades: 0,
            // Unknown trade times: the bucket start, so live trades merged later become its close.
            firstTradeAt: new Date(bar.start),
            lastTradeAt: new Date(bar.start),
            updatedAt: now,
          })),
        );
      } catch (error) {
        deps.log.warn({ err: error, symbol: instrument.symbol, interval }, 'could not backfill candles from the provider');
      }
    }
  }
}
