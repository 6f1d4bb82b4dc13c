/** Integer minor units → a decimal string (prices are integers with `priceDecimals`). */
export function formatMinor(value: number, decimals: number): string {
  return (value / 10 ** decimals).toFixed(decimals);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** wei (decimal string) → ether with up to 6 decimals, exactly (no float rounding on big values). */
export function formatWei(wei: string, symbol: string): string {
  const value = BigInt(wei);
  const whole = value / 10n ** 18n;
  const fraction = (value % 10n ** 18n).toString().padStart(18, '0').slice(0, 6).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/** "1.5" ether → wei as a decimal string; null when it is not a positive amount. */
export function parseEther(text: string): string | null {
  const match = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!match) return null;
  const wei = BigInt(match[1]!) * 10n ** 18n + BigInt((match[2] ?? '').padEnd(18, '0') || '0');
  return wei > 0n ? wei.toString() : null;
}

/** How many minor units a currency has (2 for EUR, 0 for JPY), as the browser's Intl knows it. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Integer minor units (a number, or a decimal string for amounts past 2^53) → "€12.50" in the
 * viewer's locale. Below 2^53 the division is exact to the cent for display; beyond, the digits are
 * split as integers and shown with the ISO code.
 */
export function formatMoney(minor: number | string, currency: string): string {
  const decimals = currencyDecimals(currency);
  const value = BigInt(minor);
  const abs = value < 0n ? -value : value;
  if (abs <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value) / 10 ** decimals);
  }
  const scale = 10n ** BigInt(decimals);
  const fraction = decimals > 0 ? `.${(abs % scale).toString().padStart(decimals, '0')}` : '';
  return `${value < 0n ? '-' : ''}${abs / scale}${fraction} ${currency}`;
}

/** "12.5" in a currency → minor units as a decimal string ("1250"); null unless a positive amount with at most the currency's decimals. */
export function parseMoney(text: string, currency: string): string | null {
  const decimals = currencyDecimals(currency);
  const match = /^(\d{1,15})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2] ?? '').length > decimals) return null;
  const minor = BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt((match[2] ?? '').padEnd(decimals, '0') || '0');
  return minor > 0n ? minor.toString() : null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDate(isoDate: string): string {
  // A calendar day ("2026-11-26") is shown as that day, whatever the viewer's zone.
  return new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** Today's calendar day in UTC, "YYYY-MM-DD". */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
