/** Decimal places of a currency's minor unit (EUR 2, JPY 0, BHD 3), as ISO 4217 and PayPal use them. */
export const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** 5400 EUR minor units → "54.00" (PayPal sends and takes decimal strings). */
export function toDecimal(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "54.00" → 5400; refuses anything that is not exactly representable in minor units. */
export function fromDecimal(value: string, currency: string): number {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match || (match[2]?.length ?? 0) > digits) throw new Error(`"${value}" is not an amount of ${currency}.`);
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}
