import type { EventEnvelope } from './catalog';

/** What a consumer group asks of a transport: its queue and the events routed to it. */
export interface ConsumerBinding {
  /** Unique per consumer group across the whole system: `<subgraph>.<group>`, e.g. `todos.account-deleted`. */
  queue: string;
  /** Routing: (domain, type) pairs; a domain has an exchange of its own. */
  routes: readonly { domain: string; type: string }[];
  /** Redelivery delays after a failed attempt: attempt n waits `retryDelaysMs[n - 1]`. */
  retryDelaysMs: readonly number[];
  /** Deliveries handed to the group at once; it applies them in arrival order. */
  concurrency: number;
}

/** A handled delivery: done (acknowledged) or to be delivered again after a delay. */
export type Outcome = { retryAfterMs: number } | null;

export type DeliveryHandler = (envelope: EventEnvelope, attempt: number) => Promise<Outcome>;

/**
 * Moves envelopes from relays to consumer groups, at least once. `publish` resolves only when the
 * transport is responsible for every envelope (broker confirms; in-process: handled), so the relay
 * marks rows sent only then; a failure or crash before that republishes them.
 */
export interface Transport {
  readonly kind: 'rabbitmq' | 'in-process';
  publish(envelopes: readonly EventEnvelope[]): Promise<void>;
  consume(binding: ConsumerBinding, handle: DeliveryHandler): Promise<{ close(): Promise<void> }>;
  close(): Promise<void>;
}
