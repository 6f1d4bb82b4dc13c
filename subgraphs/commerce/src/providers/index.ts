import type { CommerceSettings } from '../env';
import { offlineProvider } from './offline/offline-provider';
import type { PaymentProvider } from './payment-provider';
import { paypalProvider } from './paypal/paypal-provider';
import { stripeProvider } from './stripe/stripe-provider';

/** The provider `COMMERCE_PAYMENT_PROVIDER` names (env.ts has already checked its keys are set). */
export function paymentProviderFor(settings: CommerceSettings['payments']): PaymentProvider {
  if (settings.provider === 'stripe' && settings.stripe) return stripeProvider(settings.stripe);
  if (settings.provider === 'paypal' && settings.paypal) return paypalProvider(settings.paypal);
  return offlineProvider();
}
