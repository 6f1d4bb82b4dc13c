import { refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { writeConversions, type Conversion } from '../data/conversions-repo';
import { upsertSettings } from '../data/settings-repo';
import { findAllOf } from '../data/transactions-repo';
import { convertMinor } from './fx/convert';
import { memoised } from './fx/rate-book';
import { supportedCurrency } from './settings';

/**
 * Sets the base currency and converts every transaction (and split) of the user into it again, at
 * the rate of each one's day, in one transaction: reports never mix two base currencies. Rates are
 * gathered first (the provider is never called inside the transaction).
 */
export async function setBaseCurrency(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'rates'>, input: string): Promise<{ baseCurrency: string }> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const baseCurrency = supportedCurrency(input, 'currency');
  const rows = await findAllOf(ctx.db, ownerId);
  const book = memoised(ctx.rates);
  const conversions: Conversion[] = [];
  for (const row of rows) {
    const rate = await book.rate(row.currency, baseCurrency, row.occurredOn);
    conversions.push({ id: row.id, baseAmount: convertMinor(row.amount, row.currency, baseCurrency, rate.scaled), rate: rate.text, rateDay: rate.day, source: rate.source });
  }
  await ctx.db.transaction(async (tx) => {
    await upsertSettings(tx, { ownerId, baseCurrency, updatedAt: ctx.now() });
    await writeConversions(tx, ownerId, baseCurrency, conversions);
  });
  refreshLoaders(ctx.loaders);
  return { baseCurrency };
}
