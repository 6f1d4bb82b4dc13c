import type { DailyRates, ExchangeRateProvider } from '../provider';

/**
 * The offline default (`EXPENSES_RATES_PROVIDER=offline`, what `pnpm start` uses): one fixed table
 * for every day (units per 1 EUR), rounded values of the order of the ECB's reference rates in early
 * 2025 — plausible, but not the published rates of any day. Conversions say `source: "offline"`, so
 * they are never mistaken for real ones.
 */
export const OFFLINE_RATES: Readonly<Record<string, string>> = {
  USD: '1.0321', JPY: '163.02', BGN: '1.9558', CZK: '25.179', DKK: '7.4575', GBP: '0.82960', HUF: '412.23',
  PLN: '4.2698', RON: '4.9742', SEK: '11.5020', CHF: '0.9386', ISK: '144.30', NOK: '11.8050', TRY: '36.5209',
  AUD: '1.6669', BRL: '6.3813', CAD: '1.4878', CNY: '7.5437', HKD: '8.0224', IDR: '16774.97', ILS: '3.7740',
  INR: '88.5190', KRW: '1525.48', MXN: '21.3690', MYR: '4.6365', NZD: '1.8447', PHP: '60.082', SGD: '1.4103',
  THB: '35.674', ZAR: '19.4812',
};

export function createOfflineRates(): ExchangeRateProvider {
  const perEur = new Map(Object.entries(OFFLINE_RATES));
  return {
    name: 'offline',
    ratesCovering: (day: string): Promise<DailyRates[]> => Promise.resolve([{ day, perEur }]),
  };
}
