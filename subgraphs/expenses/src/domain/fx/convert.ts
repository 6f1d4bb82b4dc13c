import { minorDigits } from '../currencies';

/** Rates are carried as integers scaled by 10^RATE_SCALE (the precision of the stored `fx_rate`). */
export const RATE_SCALE = 10;
const ONE = 10n ** BigInt(RATE_SCALE);

/** "1.0921" → 10921000000n (scaled by 10^10); more digits than the scale are rounded half up. */
export function scaleRate(decimal: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a positive decimal rate: "${decimal}"`);
  const fraction = match[2] ?? '';
  const kept = (fraction + '0'.repeat(RATE_SCALE)).slice(0, RATE_SCALE);
  const roundUp = fraction.length > RATE_SCALE && Number(fraction[RATE_SCALE]) >= 5;
  return BigInt(match[1]!) * ONE + BigInt(kept) + (roundUp ? 1n : 0n);
}

export function formatRate(scaled: bigint): string {
  const whole = scaled / ONE;
  const fraction = (scaled % ONE).toString().padStart(RATE_SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** a / b rounded half away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (x * 2n + y) / (2n * y);
  return negative ? -q : q;
}

/** The cross rate from → to (units of `to` per unit of `from`) from both currencies' rates per EUR, scaled. */
export function crossRate(fromPerEur: bigint, toPerEur: bigint): bigint {
  return divRound(toPerEur * ONE, fromPerEur);
}

/**
 * `amount` minor units of `from` in minor units of `to`, at a scaled rate of `to` per `from`:
 * the stored rate alone reproduces the result (the rate used is kept with every conversion).
 */
export function convertMinor(amount: bigint, from: string, to: string, scaledRate: bigint): bigint {
  const shift = minorDigits(to) - minorDigits(from);
  const numerator = amount * scaledRate * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = ONE * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return divRound(numerator, denominator);
}
