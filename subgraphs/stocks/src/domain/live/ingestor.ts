import type { Db, Logger, PubSub } from '@mosaic/kit';
import { mergeCandles } from '../../data/candles-repo';
import { saveQuotes } from '../../data/quotes-repo';
import type { Trade, TradeBatch } from '../market/trade';
import { CandleAggregator, candleView, type LiveCandle } from './candle-aggregator';
import { QuoteBook, quoteView } from './quote-book';
import { topics } from './topics';
import { MAX_PRICE } from '../prices';

export interface IngestorOptions {
  db: Db;
  pubsub: PubSub;
  log: Logger;
  now: () => Date;
  /** Called with the live (not historical) trades of each batch, after quotes and candles are updated. */
  onLiveTrades?: (trades: readonly Trade[]) => void;
}

/**
 * The feed owner's pipeline for trades: quotes and candles in memory (synchronously, so a burst of
 * trades costs no I/O per trade), events to pub/sub for live batches — one quote per trade, the
 * latest state of each touched candle per batch — and storage on `flush` (the runtime calls it on
 * a timer): one merge-upsert per touched bucket, one upsert per changed quote.
 */
export class Ingestor {
  readonly quotes = new QuoteBook();
  readonly candles = new CandleAggregator();
  private flushing: Promise<void> = Promise.resolve();
  ingested = 0;

  constructor(private readonly options: IngestorOptions) {}

  ingest(batch: TradeBatch): void {
    const touched = new Map<string, LiveCandle>();
    const live = !batch.historical;
    for (const trade of batch.trades) {
      if (!validTrade(trade)) {
        this.options.log.warn({ trade }, 'dropping a trade with an impossible price, volume or time');
        continue;
      }
      this.ingested++;
      const quote = this.quotes.apply(trade);
      this.candles.add(trade, touched);
      if (live) this.publish(topics.quote(trade.symbol), quoteView(quote));
    }
    if (!live) return;
    for (const candle of touched.values()) this.publish(topics.candle(candle.symbol, candle.interval), candleView(candle));
    this.options.onLiveTrades?.(batch.trades);
  }

  /** Writes what changed since the last flush. Flushes run one at a time; a failed one is retried by the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    const deltas = this.candles.takePending();
    const quotes = this.quotes.takeDirty();
    if (deltas.length === 0 && quotes.length === 0) return;
    try {
      const now = this.options.now();
      await this.options.db.transaction(async (tx) => {
        await mergeCandles(tx, deltas, now);
        await saveQuotes(tx, quotes, now);
      });
    } catch (error) {
      this.candles.restore(deltas);
      this.quotes.restoreDirty(quotes);
      this.options.log.error({ err: error, candles: deltas.length }, 'could not store candles; will retry with the next flush');
    }
  }

  private publish(topic: string, payload: unknown) {
    this.options.pubsub.publish(topic, payload).catch((error: unknown) => this.options.log.warn({ err: error, topic }, 'could not publish a market event'));
  }
}

/** Prices must fit the API (a positive 32-bit Int), volumes be whole and non-negative, times real. */
function validTrade(trade: Trade): boolean {
  return Number.isInteger(trade.price) && trade.price > 0 && trade.price <= MAX_PRICE && Number.isSafeInteger(trade.volume) && trade.volume >= 0 && Number.isFinite(trade.at);
}
