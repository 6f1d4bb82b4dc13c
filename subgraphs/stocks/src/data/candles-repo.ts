import { and, asc, desc, eq, gt, gte, lt, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import type { CandleInterval } from '../domain/intervals';
import type { CandleDelta, LiveCandle } from '../domain/live/candle-aggregator';
import { candles, type CandleRow } from './tables';

/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters (12 per row). */
const CHUNK = 1_000;

const toRow = (candle: LiveCandle, now: Date): CandleRow => ({
  symbol: candle.symbol,
  interval: candle.interval,
  start: new Date(candle.start),
  open: candle.open,
  high: candle.high,
  low: candle.low,
  close: candle.close,
  volume: candle.volume,
  trades: candle.trades,
  firstTradeAt: new Date(candle.firstTradeAt),
  lastTradeAt: new Date(candle.lastTradeAt),
  updatedAt: now,
});

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/**
 * Merges partial candles into storage, one upsert per bucket: the earliest trade's price stays
 * the open, the latest trade's the close, high/low widen, volumes and trade counts add up. So
 * several flushes of one bucket, late trades and a restart mid-bucket all end with the candle the
 * trades make.
 */
export async function mergeCandles(db: Db, deltas: readonly CandleDelta[], now: Date): Promise<void> {
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const rows = deltas.slice(i, i + CHUNK).map((delta) => toRow(delta, now));
    await db
      .insert(candles)
      .values(rows)
      .onConflictDoUpdate({
        target: [candles.symbol, candles.interval, candles.start],
        set: {
          open: sql`case when ${excluded('first_trade_at')} < ${candles.firstTradeAt} then ${excluded('open')} else ${candles.open} end`,
          firstTradeAt: sql`least(${candles.firstTradeAt}, ${excluded('first_trade_at')})`,
          close: sql`case when ${excluded('last_trade_at')} >= ${candles.lastTradeAt} then ${excluded('close')} else ${candles.close} end`,
          lastTradeAt: sql`greatest(${candles.lastTradeAt}, ${excluded('last_trade_at')})`,
          high: sql`greatest(${candles.high}, ${excluded('high')})`,
          low: sql`least(${candles.low}, ${excluded('low')})`,
          volume: sql`${candles.volume} + ${excluded('volume')}`,
          trades: sql`${candles.trades} + ${excluded('trades')}`,
          updatedAt: excluded('updated_at'),
        },
      });
  }
}

/** Imported or provider history: whole candles that replace whatever the buckets held. */
export async function replaceCandles(db: Db, rows: readonly CandleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(candles)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: [candles.symbol, candles.interval, candles.start],
        set: {
          open: excluded('open'),
          high: excluded('high'),
          low: excluded('low'),
          close: excluded('close'),
          volume: excluded('volume'),
          trades: excluded('trades'),
          firstTradeAt: excluded('first_trade_at'),
          lastTradeAt: excluded('last_trade_at'),
          updatedAt: excluded('updated_at'),
        },
      });
  }
}

/** The latest bucket per (symbol, interval): where live aggregation resumes after a restart. */
export async function findLatestCandles(db: Db): Promise<CandleRow[]> {
  return db
    .selectDistinctOn([candles.symbol, candles.interval])
    .from(candles)
    .orderBy(candles.symbol, candles.interval, desc(candles.start));
}

/** The time of the newest stored trade, across all candles (where a simulator warm-up resumes). */
export async function findLastTradeAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: max(candles.lastTradeAt) }).from(candles).where(eq(candles.interval, 'M1'));
  return row?.at ? new Date(row.at) : null;
}

/** A page of one symbol's candles, as the history query needs it. */
export interface CandleRange {
  interval: CandleInterval;
  /** Inclusive bucket start, epoch ms. */
  from: number | null;
  /** Exclusive bucket start, epoch ms. */
  to: number | null;
  /** FORWARD: oldest first from `from`/after the cursor; BACKWARD: newest first before `to`/the cursor. */
  direction: 'FORWARD' | 'BACKWARD';
  /** Exclusive keyset bound (bucket start, epoch ms) from a cursor. */
  cursor: number | null;
  /** Rows per symbol; the repo fetches one more to tell whether another page exists. */
  limit: number;
}

function rangeConditions(range: CandleRange): (SQL | undefined)[] {
  return [
    eq(candles.interval, range.interval),
    range.from === null ? undefined : gte(candles.start, new Date(range.from)),
    range.to === null ? undefined : lt(candles.start, new Date(range.to)),
    range.cursor === null ? undefined : range.direction === 'FORWARD' ? gt(candles.start, new Date(range.cursor)) : lt(candles.start, new Date(range.cursor)),
  ];
}

const candleColumns = {
  symbol: candles.symbol,
  interval: candles.interval,
  start: candles.start,
  open: candles.open,
  high: candles.high,
  low: candles.low,
  close: candles.close,
  volume: candles.volume,
  trades: candles.trades,
  firstTradeAt: candles.firstTradeAt,
  lastTradeAt: candles.lastTradeAt,
  updatedAt: candles.updatedAt,
};

/**
 * Pages for many symbols in ONE statement (a watchlist's instruments each with their candles): a
 * lateral subquery per symbol walks the primary key (symbol, interval, start) in the page's
 * direction. Rows come back grouped by symbol, in page order.
 */
export async function findCandlePages(db: Db, symbols: readonly string[], range: CandleRange): Promise<CandleRow[]> {
  if (symbols.length === 0) return [];
  const list = sql.join(symbols.map((symbol) => sql`${symbol}`), sql`, `);
  const wanted = sql`unnest(array[${list}]::text[]) with ordinality as wanted(symbol, ord)`;
  const order = range.direction === 'FORWARD' ? asc(candles.start) : desc(candles.start);
  const page = db
    .select({ ...candleColumns, position: sql<number>`row_number() over (order by ${order})`.as('position') })
    .from(candles)
    .where(and(sql`${candles.symbol} = wanted.symbol`, ...rangeConditions(range)))
    .orderBy(order)
    .limit(range.limit + 1)
    .as('page');
  const rows = await db
    .select({
      symbol: page.symbol,
      interval: page.interval,
      start: page.start,
      open: page.open,
      high: page.high,
      low: page.low,
      close: page.close,
      volume: page.volume,
      trades: page.trades,
      firstTradeAt: page.firstTradeAt,
      lastTradeAt: page.lastTradeAt,
      updatedAt: page.updatedAt,
    } satisfies Record<keyof CandleRow, unknown>)
    .from(wanted)
    .crossJoinLateral(page)
    .orderBy(sql`wanted.ord`, page.position);
  return rows;
}

/** The most recent `limit` candles of a symbol, oldest first (indicators and forecasts read these). */
export async function findRecentCandles(db: Db, symbol: string, interval: CandleInterval, limit: number): Promise<CandleRow[]> {
  const rows = await db
    .select()
    .from(candles)
    .where(and(eq(candles.symbol, symbol), eq(candles.interval, interval)))
    .orderBy(desc(candles.start))
    .limit(limit);
  return rows.reverse();
}
