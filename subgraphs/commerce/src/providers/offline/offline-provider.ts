import { createHash } from 'node:crypto';
import type { PaymentProvider } from '../payment-provider';
import { PaymentProviderError, WebhookRejectedError } from '../payment-provider';

/**
 * The default provider: no network, no money. A payment succeeds when the buyer confirms it, for
 * exactly the amount opened (the reference carries it, so nothing is kept in memory and a restart
 * loses nothing); refunds succeed. References derive from the idempotency key, so a retried call
 * answers the same. It sends no webhooks.
 */
export function offlineProvider(): PaymentProvider {
  const digest = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 24);
  return {
    name: 'offline',
    async createPayment(request) {
      const reference = `off_${request.currency}_${request.amountMinor}_${digest(request.idempotencyKey)}`;
      return { provider: 'offline', reference, clientSecret: null, approvalUrl: null };
    },
    async confirmPayment({ reference }) {
      const match = /^off_([A-Z]{3})_(\d+)_[0-9a-f]{24}$/.exec(reference);
      if (!match) throw new PaymentProviderError(`"${reference}" is not an offline payment.`, false);
      return { status: 'succeeded', currency: match[1]!, amountMinor: Number(match[2]) };
    },
    async refund(request) {
      return { reference: `off_re_${digest(request.idempotencyKey)}`, status: 'succeeded' };
    },
    async verifyWebhook() {
      throw new WebhookRejectedError('The offline payment provider sends no webhooks.');
    },
  };
}
