import type { EventEnvelope } from './catalog';
import { type ConsumerBinding, type DeliveryHandler, type Transport } from './transport';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * All-in-one mode: every consumer group lives in this process. `publish` hands each envelope to
 * every group bound to it and resolves once each group is done with it (retries included), so the
 * outbox row stays unsent — and is published again after a crash — until every handler has run:
 * at least once, like the broker. Each group gets the events in publish order (and applies them
 * in that order, see consumer.ts).
 */
export function createInProcessTransport(): Transport {
  const groups = new Set<{ binding: ConsumerBinding; handle: DeliveryHandler }>();
  let closed = false;

  async function deliver(group: { binding: ConsumerBinding; handle: DeliveryHandler }, envelope: EventEnvelope) {
    for (let attempt = 1; ; attempt++) {
      const outcome = await group.handle(envelope, attempt);
      if (!outcome) return;
      await sleep(outcome.retryAfterMs);
    }
  }

  return {
    kind: 'in-process',
    async publish(envelopes) {
      if (closed) throw new Error('The in-process event transport is closed.');
      const work: Promise<void>[] = [];
      for (const group of groups) {
        for (const envelope of envelopes) {
          if (!group.binding.routes.some((r) => r.domain === envelope.domain && r.type === envelope.type)) continue;
          work.push(deliver(group, envelope));
        }
      }
      await Promise.all(work);
    },
    async consume(binding, handle) {
      const group = { binding, handle };
      groups.add(group);
      return { close: async () => void groups.delete(group) };
    },
    async close() {
      closed = true;
      groups.clear();
    },
  };
}
