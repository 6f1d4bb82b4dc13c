import type { BankingSettings } from '../../env';
import type { FxRateProvider } from './fx-rates';
import { createFrankfurterProvider } from './frankfurter';
import { createOfflineFxProvider } from './offline';

export function createFxProvider(settings: BankingSettings['fx'], now: () => Date): FxRateProvider {
  return settings.provider === 'frankfurter' ? createFrankfurterProvider(settings.url, settings.timeoutMs) : createOfflineFxProvider(now);
}
