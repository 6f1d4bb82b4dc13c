import { UserInputError } from '@mosaic/kit';

/** The currencies accounts can hold, with their minor-unit exponent (ISO 4217). */
export const CURRENCIES = { EUR: 2, USD: 2, GBP: 2, CHF: 2, JPY: 0 } as const;
export type Currency = keyof typeof CURRENCIES;

export const MAX_AMOUNT = 2n ** 63n - 1n;

export function currencyOf(value: string, field: string): Currency {
  const code = value.trim().toUpperCase();
  if (!(code in CURRENCIES)) throw new UserInputError(`${field}: ${JSON.stringify(value)} is not a supported currency; use one of ${Object.keys(CURRENCIES).join(', ')}.`, field);
  return code as Currency;
}

/** A transfer amount: a positive whole number of minor units that fits a 64-bit column. */
export function positiveAmount(value: bigint, field: string): bigint {
  if (value <= 0n) throw new UserInputError(`${field} must be positive (in minor units, e.g. "1250" for 12.50).`, field);
  if (value > MAX_AMOUNT) throw new UserInputError(`${field} is too large.`, field);
  return value;
}

/** Scale of stored FX rates: a rate is an integer count of 10^-RATE_SCALE units. */
export const RATE_SCALE = 10;

/** "1.0842" → 10842000000n at RATE_SCALE; refuses anything but a positive decimal. */
export function parseRate(rate: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new Error(`Not a decimal rate: ${rate}`);
  const fraction = (match[2] ?? '').slice(0, RATE_SCALE).padEnd(RATE_SCALE, '0');
  const scaled = BigInt(match[1]!) * 10n ** BigInt(RATE_SCALE) + BigInt(fraction);
  if (scaled <= 0n) throw new Error(`Rate must be positive: ${rate}`);
  return scaled;
}

export function formatRate(scaled: bigint): string {
  const whole = scaled / 10n ** BigInt(RATE_SCALE);
  const fraction = (scaled % 10n ** BigInt(RATE_SCALE)).toString().padStart(RATE_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/**
 * `amount` minor units of `from` in minor units of `to` at `rate` (units of `to` per unit of
 * `from`), rounded down: the bank never credits more than the rate gives.
 */
export function convert(amount: bigint, from: Currency, to: Currency, rateScaled: bigint): bigint {
  const shift = CURRENCIES[to] - CURRENCIES[from];
  const numerator = amount * rateScaled * 10n ** BigInt(Math.max(shift, 0));
  const denominator = 10n ** BigInt(RATE_SCALE) * 10n ** BigInt(Math.max(-shift, 0));
  return numerator / denominator;
}
