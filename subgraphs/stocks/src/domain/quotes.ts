import type { Context } from '../context';
import type { QuoteView } from './live/views';

/** The stored latest quote of a symbol (batched across a list of instruments). */
export async function quoteOf(ctx: Pick<Context, 'loaders'>, symbol: string): Promise<QuoteView | null> {
  const row = await ctx.loaders.quote.load(symbol);
  if (!row) return null;
  return { symbol: row.symbol, last: row.last, bid: row.bid, ask: row.ask, previousClose: row.previousClose, dayVolume: row.dayVolume, at: row.at.toISOString() };
}
