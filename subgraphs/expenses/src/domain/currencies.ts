/**
 * Currencies an account may be kept in: those the ECB publishes daily reference rates for, and
 * the euro they are quoted against — every one of them can be converted on any business day.
 */
export const SUPPORTED_CURRENCIES = [
  'EUR', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CNY', 'CZK', 'DKK', 'GBP', 'HKD', 'HUF', 'IDR', 'ILS', 'INR', 'ISK',
  'JPY', 'KRW', 'MXN', 'MYR', 'NOK', 'NZD', 'PHP', 'PLN', 'RON', 'SEK', 'SGD', 'THB', 'TRY', 'USD', 'ZAR',
] as const;

export const DEFAULT_BASE_CURRENCY = 'EUR';

const supported = new Set<string>(SUPPORTED_CURRENCIES);
export const isSupportedCurrency = (code: string): boolean => supported.has(code);

const digits = new Map<string, number>();
/** ISO 4217 minor-unit digits (EUR 2, JPY 0, ISK 0), from the runtime's ICU data. */
export function minorDigits(currency: string): number {
  let known = digits.get(currency);
  if (known === undefined) {
    known = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, known);
  }
  return known;
}
