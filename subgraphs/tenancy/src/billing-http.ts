import { readBody, sendJson, type Db, type Logger, type Outbox, type RequestHandler } from '@mosaic/kit';
import type { tenancyEvents } from './events';
import { applyBillingEvent } from './domain/billing-webhook';
import { WebhookSignatureError, type BillingProvider } from './providers/billing/billing-provider';

export const BILLING_WEBHOOK_PATH = '/billing/webhook';

/**
 * The provider's webhook endpoint (public: Stripe calls it). Unsigned or forged → 400 and nothing
 * written; unknown customer → 400 (visible in the provider's dashboard); duplicates → 200.
 */
export function billingWebhookHandler(deps: { db: Db; events: Outbox<typeof tenancyEvents>; billing: BillingProvider; now: () => Date; log: Logger }): RequestHandler {
  return async (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== BILLING_WEBHOOK_PATH) return sendJson(res, 404, { error: 'not found' });
    const body = await readBody(req, 1024 * 1024);
    const signature = req.headers['stripe-signature'];
    let event;
    try {
      event = await deps.billing.parseWebhook(body, typeof signature === 'string' ? signature : undefined);
    } catch (error) {
      if (error instanceof WebhookSignatureError) return sendJson(res, 400, { error: error.message });
      deps.log.warn({ err: error }, 'billing webhook not understood');
      return sendJson(res, 400, { error: 'This webhook could not be read.' });
    }
    if (!event) return sendJson(res, 200, { received: true, applied: false });
    const outcome = await applyBillingEvent(deps.db, deps.events, deps.billing, event, deps.now(), deps.log);
    if (outcome === 'unknown-customer') return sendJson(res, 400, { error: 'No organization has this customer.' });
    sendJson(res, 200, { received: true, applied: outcome === 'applied' });
  };
}
