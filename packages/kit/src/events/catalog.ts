import type { z } from 'zod';

/**
 * One kind of event a subgraph emits: its payload schema (validated when emitted and again when
 * consumed) and which aggregate it belongs to (events of one aggregate are delivered in order).
 * `version` is the payload's version: additive changes keep it; a breaking change is a new
 * version that consumers see in `event.version` (see docs/adr/0006-domain-events.md).
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  version: number;
  schema: S;
  aggregateId: (payload: z.output<S>) => string;
}

/**
 * The events one domain publishes, under the domain's name (its RabbitMQ exchange is
 * `mosaic.<domain>`). The emitting subgraph owns it and exports it for consumers elsewhere.
 */
export interface EventCatalog<E extends Record<string, EventDefinition> = Record<string, EventDefinition>> {
  domain: string;
  events: E;
}

export type EventTypeOf<C extends EventCatalog> = keyof C['events'] & string;
export type PayloadOf<C extends EventCatalog, T extends EventTypeOf<C>> = z.output<C['events'][T]['schema']>;

export function defineEvents<E extends Record<string, EventDefinition>>(domain: string, events: E): EventCatalog<E> {
  if (!/^[a-z][a-z0-9-]*$/.test(domain)) throw new Error(`Event domain "${domain}" must be lower-case letters, digits and dashes.`);
  for (const type of Object.keys(events)) {
    if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(type)) throw new Error(`Event type "${type}" must look like "order.placed".`);
  }
  return { domain, events };
}

/** A defined event's `aggregateId` with its payload type checked at the definition. */
export const event = <S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> => definition;

/** What travels from the outbox to consumers (the message body, JSON). */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  domain: string;
  aggregateId: string;
  tenantId: string | null;
  /** UTC ISO-8601. */
  occurredAt: string;
  /** W3C traceparent of the emitting request, when traced. */
  traceparent: string | null;
  payload: P;
}

/** An envelope as a handler sees it: the payload parsed by its schema. */
export type DeliveredEvent<C extends EventCatalog, T extends EventTypeOf<C>> = EventEnvelope<PayloadOf<C, T>> & { type: T };
