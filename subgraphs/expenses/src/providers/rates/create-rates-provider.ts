import type { Logger } from '@mosaic/kit';
import type { ExpensesSettings } from '../../env';
import { createEcbRates } from './ecb/ecb-rates';
import { createOfflineRates } from './offline/fixed-rates';
import type { ExchangeRateProvider } from './provider';

/** The provider the settings ask for: offline by default, the ECB with EXPENSES_RATES_PROVIDER=ecb. */
export function createRatesProvider(settings: ExpensesSettings['rates'], deps: { log: Logger; now: () => Date }): ExchangeRateProvider {
  return settings.kind === 'ecb' ? createEcbRates({ baseUrl: settings.url, timeoutMs: settings.timeoutMs, now: deps.now, log: deps.log }) : createOfflineRates();
}
