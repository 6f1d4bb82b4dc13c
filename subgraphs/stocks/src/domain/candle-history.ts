import { UserInputError, decodeCursor, encodeCursor } from '@mosaic/kit';
import type { Context } from '../context';
import type { CandleRange } from '../data/candles-repo';
import type { CandleRow, InstrumentRow } from '../data/tables';
import { INTERVAL_MS, type CandleInterval } from './intervals';
import type { CandleView } from './live/views';

/** Most candles one request may return. */
export const MAX_CANDLES_PER_REQUEST = 5_000;
const DEFAULT_PAGE = 100;

export interface CandleArgs {
  interval: CandleInterval;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface CandlePage {
  edges: { cursor: string; node: CandleView }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Validates the history arguments into a range. Relay semantics: `first`/`after` page forward
 * (oldest first from `from`), `last`/`before` page backward (the newest before `to`); either way
 * the page is returned oldest first. Without either, the latest 100 (or the first 100 from
 * `from`).
 */
export function candleRange(args: CandleArgs): CandleRange {
  const { interval } = args;
  if (args.first != null && args.last != null) throw new UserInputError('Give either "first" (oldest first) or "last" (the most recent), not both.', 'first');
  if (args.after != null && args.before != null) throw new UserInputError('Give either "after" or "before", not both.', 'after');
  if (args.after != null && args.last != null) throw new UserInputError('"after" pages forward: use it with "first".', 'after');
  if (args.before != null && args.first != null) throw new UserInputError('"before" pages backward: use it with "last".', 'before');
  for (const field of ['first', 'last'] as const) {
    const value = args[field];
    if (value != null && (!Number.isInteger(value) || value < 1 || value > MAX_CANDLES_PER_REQUEST)) {
      throw new UserInputError(`"${field}" must be between 1 and ${MAX_CANDLES_PER_REQUEST} candles; page through longer histories.`, field);
    }
  }
  const from = args.from ? Date.parse(args.from) : null;
  const to = args.to ? Date.parse(args.to) : null;
  if (from !== null && to !== null && to <= from) throw new UserInputError('"to" must be later than "from".', 'to');
  const forward = args.first != null || args.after != null || (args.last == null && args.before == null && from !== null);
  const cursorArg = forward ? args.after : args.before;
  return {
    interval,
    from,
    to,
    direction: forward ? 'FORWARD' : 'BACKWARD',
    cursor: cursorArg == null ? null : decodeCandleCursor(cursorArg, interval, forward ? 'after' : 'before'),
    limit: (forward ? args.first : args.last) ?? DEFAULT_PAGE,
  };
}

function decodeCandleCursor(cursor: string, interval: CandleInterval, field: string): number {
  const [kind, start] = decodeCursor(cursor, 2);
  if (kind !== interval || typeof start !== 'number') throw new UserInputError(`"${field}" is a cursor of another candle list (not ${interval}). Start again without it.`, field);
  return start;
}

export async function candlePage(ctx: Pick<Context, 'loaders'>, instrument: InstrumentRow, args: CandleArgs): Promise<CandlePage> {
  const range = candleRange(args);
  const rows = await ctx.loaders.candlePage.load({ parentId: instrument.symbol, query: range });
  const more = rows.length > range.limit;
  const page = rows.slice(0, range.limit);
  if (range.direction === 'BACKWARD') page.reverse();
  const edges = page.map((row) => ({ cursor: encodeCursor([range.interval, row.start.getTime()]), node: candleViewOf(row) }));
  const paged = range.cursor !== null;
  return {
    edges,
    pageInfo: {
      hasNextPage: range.direction === 'FORWARD' ? more : paged,
      hasPreviousPage: range.direction === 'BACKWARD' ? more : paged,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export function candleViewOf(row: CandleRow): CandleView {
  return {
    symbol: row.symbol,
    interval: row.interval as CandleInterval,
    start: row.start.toISOString(),
    open: row.open,
    high: row.high,
    low: row.low,
    close: row.close,
    volume: row.volume,
    trades: row.trades,
  };
}

export const candleEnd = (candle: CandleView) => new Date(Date.parse(candle.start) + INTERVAL_MS[candle.interval]).toISOString();
