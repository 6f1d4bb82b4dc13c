import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import type { DailyRates } from '../providers/rates/provider';
import { exchangeRates } from './tables';

/** Stores what a provider sent; a day already stored keeps its rates (published rates do not change). */
export async function storeRates(db: Db, source: string, days: readonly DailyRates[]): Promise<void> {
  const rows = days.flatMap((entry) => [...entry.perEur].map(([currency, perEur]) => ({ source, day: entry.day, currency, perEur })));
  for (let i = 0; i < rows.length; i += 5_000) {
    await db.insert(exchangeRates).values(rows.slice(i, i + 5_000)).onConflictDoNothing();
  }
}

/** Quotes of `currencies` from `source` on the days in (day − lookBackDays, day], newest first. */
export function findRecentQuotes(db: Db, source: string, currencies: readonly string[], day: string, lookBackDays: number) {
  return db
    .select({ day: exchangeRates.day, currency: exchangeRates.currency, perEur: exchangeRates.perEur })
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.source, source),
        inArray(exchangeRates.currency, [...currencies]),
        lte(exchangeRates.day, day),
        gt(exchangeRates.day, sql`${day}::date - ${lookBackDays}::int`),
      ),
    )
    .orderBy(desc(exchangeRates.day));
}
