import { inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import type { QuoteState } from '../domain/live/quote-book';
import { quotes, type QuoteRow } from './tables';

export async function findQuotes(db: Db, symbols: readonly string[]): Promise<QuoteRow[]> {
  if (symbols.length === 0) return [];
  return db.select().from(quotes).where(inArray(quotes.symbol, [...symbols]));
}

export async function findAllQuotes(db: Db): Promise<QuoteRow[]> {
  return db.select().from(quotes);
}

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/** Saves the feed owner's latest quotes; an older state never overwrites a newer one. */
export async function saveQuotes(db: Db, states: readonly QuoteState[], now: Date): Promise<void> {
  if (states.length === 0) return;
  await db
    .insert(quotes)
    .values(
      states.map((state) => ({
        symbol: state.symbol,
        last: state.last,
        bid: state.bid,
        ask: state.ask,
        previousClose: state.previousClose,
        dayStart: new Date(state.dayStart),
        dayVolume: state.dayVolume,
        at: new Date(state.at),
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: quotes.symbol,
      set: {
        last: excluded('last'),
        bid: excluded('bid'),
        ask: excluded('ask'),
        previousClose: excluded('previous_close'),
        dayStart: excluded('day_start'),
        dayVolume: excluded('day_volume'),
        at: excluded('at'),
        updatedAt: excluded('updated_at'),
      },
      setWhere: sql`${quotes.at} <= ${excluded('at')}`,
    });
}

export function quoteStateOf(row: QuoteRow) {
  return {
    symbol: row.symbol,
    last: row.last,
    bid: row.bid,
    ask: row.ask,
    previousClose: row.previousClose,
    dayStart: row.dayStart.getTime(),
    dayVolume: row.dayVolume,
    at: row.at.getTime(),
  } satisfies QuoteState;
}
