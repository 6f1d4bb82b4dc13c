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
