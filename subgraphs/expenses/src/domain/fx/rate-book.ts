import { UnavailableError, type Db, type Logger } from '@mosaic/kit';
import { findRecentQuotes, storeRates } from '../../data/rates-repo';
import type { ExchangeRateProvider } from '../../providers/rates/provider';
import { crossRate, formatRate, RATE_SCALE, scaleRate } from './convert';

/** Reference rates are published on business days: a weekend or holiday uses the last one before it. */
const LOOK_BACK_DAYS = 10;

export interface Rate {
  from: string;
  to: string;
  /** Units of `to` per unit of `from`, scaled by 10^RATE_SCALE. */
  scaled: bigint;
  /** The decimal text stored with the conversion. */
  text: string;
  day: string;
  source: string;
}

export interface RateBook {
  /** The rate for converting `from` into `to` on `day`: the provider's last reference day on or before it. */
  rate(from: string, to: string, day: string): Promise<Rate>;
}

/**
 * Rates from the database, filled from the provider on a miss (whatever the provider sends is
 * cached, so an import of a year costs the ECB one or two downloads). Never called inside a
 * transaction: a provider's answer may take seconds.
 */
export function createRateBook(deps: { db: Db; provider: ExchangeRateProvider; log: Logger }): RateBook {
  const source = deps.provider.name;

  async function fromStore(from: string, to: string, day: string): Promise<Rate | null> {
    const wanted = [from, to].filter((code) => code !== 'EUR');
    const quotes = await findRecentQuotes(deps.db, source, wanted, day, LOOK_BACK_DAYS);
    const byDay = new Map<string, Map<string, string>>();
    for (const quote of quotes) {
      const entry = byDay.get(quote.day) ?? new Map<string, string>();
      entry.set(quote.currency, quote.perEur);
      byDay.set(quote.day, entry);
    }
    for (const [quoteDay, entry] of byDay) {
      if (!wanted.every((code) => entry.has(code))) continue;
      const perEur = (code: string) => (code === 'EUR' ? scaleRate('1') : scaleRate(entry.get(code)!));
      const scaled = crossRate(perEur(from), perEur(to));
      return { from, to, scaled, text: formatRate(scaled), day: quoteDay, source };
    }
    return null;
  }

  return {
    async rate(from, to, day) {
      if (from === to) return { from, to, scaled: 10n ** BigInt(RATE_SCALE), text: '1', day, source: 'identity' };
      const stored = await fromStore(from, to, day);
      if (stored) return stored;
      let fetched;
      try {
        fetched = await deps.provider.ratesCovering(day);
      } catch (error) {
        deps.log.warn({ err: error, provider: source, day }, 'exchange rates could not be fetched');
        throw new UnavailableError(`Exchange rates from ${source} are not available right now; try again later.`, { provider: source });
      }
      await storeRates(deps.db, source, fetched);
      const rate = await fromStore(from, to, day);
      if (!rate) throw new UnavailableError(`${source} has no reference rate for ${from}/${to} on or shortly before ${day}.`, { provider: source });
      return rate;
    },
  };
}

/** Memoises rates within one operation (an import converts many rows on few days). */
export function memoised(book: RateBook): RateBook {
  const cache = new Map<string, Promise<Rate>>();
  return {
    rate(from, to, day) {
      const key = `${from}>${to}@${day}`;
      let rate = cache.get(key);
      if (!rate) {
        rate = book.rate(from, to, day);
        cache.set(key, rate);
        rate.catch(() => cache.delete(key));
      }
      return rate;
    },
  };
}
