import type { Currency } from '../../domain/money';
import type { FxRate, FxRateProvider } from './fx-rates';

/**
 * What `pnpm start` uses: fixed reference rates per euro (the ECB's of 2026-11-27, rounded), no
 * network. Cross rates go through the euro. The source says it is offline, so nobody mistakes
 * these for market rates.
 */
const PER_EURO: Record<Currency, string> = { EUR: '1', USD: '1.0562', GBP: '0.8319', CHF: '0.9314', JPY: '158.27' };

function divide(numerator: string, denominator: string, digits = 10): string {
  const scale = 10n ** BigInt(digits);
  const toScaled = (value: string) => {
    const [whole, fraction = ''] = value.split('.');
    return BigInt(whole!) * scale + BigInt(fraction.padEnd(digits, '0').slice(0, digits));
  };
  const quotient = (toScaled(numerator) * scale) / toScaled(denominator);
  const fraction = (quotient % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return fraction ? `${quotient / scale}.${fraction}` : (quotient / scale).toString();
}

export function createOfflineFxProvider(now: () => Date): FxRateProvider {
  return {
    name: 'offline',
    rate(from, to): Promise<FxRate> {
      return Promise.resolve({ rate: from === to ? '1' : divide(PER_EURO[to], PER_EURO[from]), source: 'offline reference rates (not live)', asOf: now() });
    },
  };
}
