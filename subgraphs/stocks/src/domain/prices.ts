import { UserInputError } from '@mosaic/kit';

/*
 * Prices are integers in the instrument's minor units (cents for USD): 10^decimals per major unit.
 * CSV files speak decimal major units; this converts them exactly.
 */

/**
 * The largest price the API can carry: GraphQL's Int is 32-bit (21,474,836.47 in a currency with
 * cents). Trades beyond it are dropped at ingestion, imports refuse it, forecasts are capped at it.
 */
export const MAX_PRICE = 2_147_483_647;

const DECIMAL = /^\d{1,12}(\.\d{1,8})?$/;

/**
 * "189.2" → 18920 with 2 decimals, without going through binary floating point; more fractional
 * digits than the currency has are refused rather than rounded silently.
 */
export function parseDecimalPrice(text: string, decimals: number, label: string, field = label): number {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) throw new UserInputError(`${label}: "${trimmed.slice(0, 30)}" is not a decimal price like 189.20.`, field);
  const [whole, fraction = ''] = trimmed.split('.') as [string, string?];
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > decimals) throw new UserInputError(`${label}: ${trimmed} has more than ${decimals} decimal places.`, field);
  const value = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0').slice(0, decimals) || '0');
  if (!Number.isSafeInteger(value) || value <= 0) throw new UserInputError(`${label}: ${trimmed} must be a positive price.`, field);
  if (value > MAX_PRICE) throw new UserInputError(`${label}: ${trimmed} is above the largest supported price.`, field);
  return value;
}

/** Percent change from `from` to `to`, rounded to 4 decimal places; null when there is no base. */
export function percentChange(from: number | null, to: number): number | null {
  if (from === null || from === 0) return null;
  return Math.round(((to - from) / from) * 100 * 10_000) / 10_000;
}
