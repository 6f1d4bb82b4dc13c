import type { CommerceSettings } from '../env';
import { offlineProvider } from './offline/offline-provider';
import type { PaymentProvider } from './payment-provider';

/** The provider `COMMERCE_PAYMENT_PROVIDER` names (env.ts has already checked its keys are set). */
export function paymentProviderFor(settings: CommerceSettings['payments']): PaymentProvider {
  switch (settings.provider) {
    case 'offline':
      return offlineProvider();
    default:
      throw new Error(`Payment provider ${settings.provider} is not available yet.`);
  }
}
