import { topicStream } from '@mosaic/kit';
import type { Context } from '../../context';
import type { TriggerEvent } from '../alerts/trigger-event';
import type { CandleInterval } from '../intervals';
import { topics } from './topics';
import type { CandleView, QuoteView } from './views';

type Ctx = Pick<Context, 'catalog' | 'pubsub' | 'market'>;

/**
 * `quotes(symbols)`: public and the same for everyone, so shared by the gateway across all
 * subscribers of the same symbol set (share key = the sorted set). A slow reader gets the latest
 * quote per symbol rather than a backlog (`conflateBy: 'symbol'`, here and at the gateway).
 */
export async function quoteStream(ctx: Ctx, symbols: readonly string[]): Promise<AsyncIterableIterator<QuoteView>> {
  const list = ctx.catalog
    .requireAll(symbols, 'symbols')
    .map((row) => row.symbol)
    .sort();
  const release = ctx.market.interest.acquire(list);
  return topicStream<QuoteView>(ctx.pubsub, list.map(topics.quote), {
    keyOf: (quote) => quote.symbol,
    shareKey: `quotes:${list.join(',')}`,
    conflateBy: 'symbol',
    onClose: release,
  });
}

/**
 * `candles(symbol, interval)`: the current bucket as it changes; shared. Updates of one bucket
 * supersede each other, so a slow reader keeps the latest per bucket (`conflateBy: 'start'`) and
 * never misses that a bucket closed.
 */
export async function candleStream(ctx: Ctx, symbol: string, interval: CandleInterval): Promise<AsyncIterableIterator<CandleView>> {
  const instrument = ctx.catalog.requireKnown(symbol, 'symbol');
  const release = ctx.market.interest.acquire([instrument.symbol]);
  return topicStream<CandleView>(ctx.pubsub, topics.candle(instrument.symbol, interval), {
    keyOf: (candle) => candle.start,
    shareKey: `candles:${instrument.symbol}:${interval}`,
    conflateBy: 'start',
    onClose: release,
  });
}

/** `priceAlertTriggered`: the viewer's own alerts, so private (no share key): one stream per viewer. */
export async function alertStream(ctx: Pick<Context, 'auth' | 'pubsub'>): Promise<AsyncIterableIterator<TriggerEvent>> {
  const viewer = ctx.auth.signedIn();
  return topicStream<TriggerEvent>(ctx.pubsub, topics.alertTriggered(viewer.userId), { bufferLimit: 1_000 });
}
