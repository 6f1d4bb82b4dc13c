import type { Db, Logger, RequestHandler } from '@mosaic/kit';
import { readBody, BodyTooLargeError } from '@mosaic/kit';
import type { CommerceOutbox } from '../events';
import { WebhookRejectedError, type PaymentProvider } from '../providers/payment-provider';
import { applyWebhook } from './orders/payments';

export const WEBHOOK_PREFIX = '/commerce/webhooks';

/**
 * The public webhook endpoint, `POST /commerce/webhooks/<provider>`: the raw body is verified by
 * the provider's own scheme before anything is read from it, then applied once per event id.
 * Answers 400 to a forged or malformed request (the provider does not retry those), 200 to a
 * duplicate, 500 when applying failed (the provider retries later).
 */
export function webhookHandler(deps: { db: Db; events: CommerceOutbox; now: () => Date; log: Logger; provider: PaymentProvider }): RequestHandler {
  const answer = (res: Parameters<RequestHandler>[1], status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path !== `${WEBHOOK_PREFIX}/${deps.provider.name}`) return answer(res, 404, { error: `Webhooks for this shop go to ${WEBHOOK_PREFIX}/${deps.provider.name}.` });
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only.' });
    let raw: string;
    try {
      raw = await readBody(req, 256 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answer(res, 413, { error: 'Body too large.' });
      throw error;
    }
    let event;
    try {
      event = await deps.provider.verifyWebhook(raw, req.headers);
    } catch (error) {
      if (error instanceof WebhookRejectedError) {
        deps.log.warn({ provider: deps.provider.name, reason: error.message }, 'webhook rejected');
        return answer(res, 400, { error: error.message });
      }
      deps.log.error({ err: error }, 'webhook verification failed');
      return answer(res, 502, { error: 'Could not verify the webhook now.' });
    }
    if (!event) return answer(res, 200, { received: true, outcome: 'ignored' });
    try {
      const outcome = await applyWebhook(deps, deps.provider.name, event);
      return answer(res, 200, { received: true, outcome });
    } catch (error) {
      deps.log.error({ err: error, eventId: event.id }, 'webhook not applied');
      return answer(res, 500, { error: 'Not applied; retry later.' });
    }
  };
}
