import { SpanKind } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { Logger } from '../logger';
import { contextFromHeaders, inSpan } from '../observability/tracing';
import type { DeliveredEvent, EventCatalog, EventEnvelope, EventTypeOf } from './catalog';
import { recordDeadLetter } from './dead-letters';
import type { EventMetrics } from './metrics';
import { eventTables } from './tables';
import type { ConsumerBinding, Outcome } from './transport';

export interface EventHandlerContext {
  /** The transaction the inbox entry is written in: the handler's changes commit with it, or neither does. */
  tx: Db;
  log: Logger;
}

export type EventHandler<C extends EventCatalog, T extends EventTypeOf<C>> = (event: DeliveredEvent<C, T>, ctx: EventHandlerContext) => Promise<void>;

export interface ConsumerOptions {
  /** The consumer group (queue and inbox name, unique in its subgraph); defaults to the event type. */
  group?: string;
  /**
   * Deduplicate through the inbox (default). Off only for handlers whose effect is not in this
   * database and is harmless twice (live fan-out deduplicated by the subscriber).
   */
  inbox?: boolean;
  /** Attempts before the event is dead-lettered (default from EVENTS_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** Deliveries (broker messages, up to 100 events each) in flight at once (default 16); applied in order, batched. */
  concurrency?: number;
  /** Transactions the group runs side by side, aggregates split between them (default 4; 1 = one at a time). */
  lanes?: number;
  /**
   * Retry a failed event before any later one of its lane, its aggregate's included (default: later events pass while it waits for
   * its redelivery). For handlers where order matters more than throughput, e.g. live streams.
   */
  retryInPlace?: boolean;
}

/** An event a handler can never accept (bad payload, unknown version): dead-lettered at once. */
class UnprocessableEventError extends Error {}

export interface ConsumerGroup {
  name: string;
  binding: ConsumerBinding;
  handle(envelope: EventEnvelope, attempt: number): Promise<Outcome>;
  /** Applies the event once (inbox), outside the retry path: used to replay a dead letter. */
  apply(db: Db, envelope: EventEnvelope): Promise<'applied' | 'duplicate'>;
}

export interface ConsumerGroupSpec<C extends EventCatalog> {
  subgraph: string;
  catalog: C;
  types: readonly EventTypeOf<C>[];
  // Each type's payload is checked against its schema before the handler runs.
  handler: EventHandler<C, EventTypeOf<C>>;
  options: ConsumerOptions;
  db: Db;
  log: Logger;
  metrics: EventMetrics;
  maxAttempts: number;
  retryBaseMs: number;
}

export const retryDelays = (maxAttempts: number, baseMs: number) => Array.from({ length: Math.max(0, maxAttempts - 1) }, (_, i) => baseMs * 2 ** i);

/** Deliveries applied in one transaction at most; more wait for the next one. */
const MAX_BATCH = 128;
/** Transactions a group runs at once (each over its own share of the aggregates). */
const DEFAULT_LANES = 4;

function laneOf(aggregateId: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < aggregateId.length; i++) hash = (hash * 31 + aggregateId.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

export function createConsumerGroup<C extends EventCatalog>(spec: ConsumerGroupSpec<C>): ConsumerGroup {
  const name = spec.options.group ?? spec.types.join('+');
  if (!/^[a-z][a-z0-9.+-]*$/.test(name)) throw new Error(`Consumer group "${name}" must be lower-case letters, digits, dots and dashes.`);
  const useInbox = spec.options.inbox ?? true;
  const maxAttempts = spec.options.maxAttempts ?? spec.maxAttempts;
  const delays = retryDelays(maxAttempts, spec.retryBaseMs);
  const { inbox } = eventTables(spec.subgraph);
  const log = spec.log.child({ consumer: name });

  function parse(envelope: EventEnvelope): DeliveredEvent<C, EventTypeOf<C>> {
    const definition = spec.catalog.events[envelope.type];
    if (!definition) throw new UnprocessableEventError(`${name} does not handle "${envelope.type}".`);
    if (envelope.version > definition.version) throw new UnprocessableEventError(`${envelope.type} v${envelope.version} is newer than the v${definition.version} this consumer knows.`);
    const parsed = definition.schema.safeParse(envelope.payload);
    if (!parsed.success) throw new UnprocessableEventError(`Invalid ${envelope.type} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { ...envelope, type: envelope.type as EventTypeOf<C>, payload: parsed.data as DeliveredEvent<C, EventTypeOf<C>>['payload'] };
  }

  /** The handler in a span continuing the producer's trace. */
  const run = (event: DeliveredEvent<C, EventTypeOf<C>>, tx: Db) =>
    inSpan(
      `${event.type} process`,
      { 'messaging.system': 'mosaic', 'messaging.consumer.group.name': name, 'messaging.message.id': event.id },
      () => spec.handler(event, { tx, log }),
      contextFromHeaders(event.traceparent ? { traceparent: event.traceparent } : {}),
      SpanKind.CONSUMER,
    );

  /**
   * Applies events in order in one transaction: one inbox insert for all of them (the ones already
   * there are duplicates and skipped), then each new one's handler. Returns how each went.
   */
  async function applyAll(db: Db, events: readonly DeliveredEvent<C, EventTypeOf<C>>[]): Promise<('applied' | 'duplicate')[]> {
    if (!useInbox) {
      for (const event of events) await run(event, db);
      return events.map(() => 'applied');
    }
    return db.transaction(async (tx) => {
      // One statement with one array parameter for the whole batch.
      const inserted = (await tx.execute(sql`
        insert into ${inbox} (consumer, event_id, processed_at)
        select ${name}, id::uuid, ${new Date().toISOString()}::timestamptz from jsonb_array_elements_text(${JSON.stringify(events.map((event) => event.id))}::jsonb) as ids(id)
        on conflict do nothing
        returning event_id`)) as unknown as { event_id: string }[] | { rows: { event_id: string }[] };
      // postgres.js answers the rows, PGlite { rows }.
      const fresh = new Set((Array.isArray(inserted) ? inserted : inserted.rows).map((row) => row.event_id));
      const outcomes: ('applied' | 'duplicate')[] = [];
      for (const event of events) {
        // `delete` also makes a second copy of one event in the same batch a duplicate.
        if (!fresh.delete(event.id)) {
          outcomes.push('duplicate');
          continue;
        }
        await run(event, tx);
        outcomes.push('applied');
      }
      return outcomes;
    });
  }

  const apply = async (db: Db, envelope: EventEnvelope) => (await applyAll(db, [parse(envelope)]))[0]!;

  /** One delivery on its own: applied, or retried later, or dead-lettered after its last attempt. */
  async function handleOne(envelope: EventEnvelope, attempt: number): Promise<Outcome> {
    if (!spec.options.retryInPlace) return attemptOnce(envelope, attempt);
    for (let next = attempt; ; next++) {
      const outcome = await attemptOnce(envelope, next);
      if (!outcome) return null;
      await new Promise((resolve) => setTimeout(resolve, outcome.retryAfterMs));
    }
  }

  async function attemptOnce(envelope: EventEnvelope, attempt: number): Promise<Outcome> {
    const labels = { consumer: name, type: envelope.type };
    const startedAt = performance.now();
    try {
      spec.metrics.consumed.inc({ ...labels, outcome: await apply(spec.db, envelope) });
      return null;
    } catch (error) {
      spec.metrics.failed.inc(labels);
      const permanent = error instanceof UnprocessableEventError;
      if (!permanent && attempt < maxAttempts) {
        log.warn({ err: error, eventId: envelope.id, type: envelope.type, attempt }, 'event handler failed; retrying');
        return { retryAfterMs: delays[attempt - 1] ?? spec.retryBaseMs };
      }
      try {
        await recordDeadLetter(spec.db, spec.subgraph, { consumer: name, envelope, error, attempts: attempt });
      } catch (recordError) {
        // Not recorded: keep the event with the transport and try again later.
        log.error({ err: recordError, eventId: envelope.id }, 'could not record a dead letter; retrying the event');
        return { retryAfterMs: delays.at(-1) ?? spec.retryBaseMs };
      }
      spec.metrics.deadLettered.inc(labels);
      log.error({ err: error, eventId: envelope.id, type: envelope.type, attempts: attempt }, 'event dead-lettered');
      return null;
    } finally {
      spec.metrics.processing.observe(labels, (performance.now() - startedAt) / 1000);
    }
  }

  interface Waiting {
    envelope: EventEnvelope;
    attempt: number;
    done: (outcome: Outcome) => void;
  }

  /**
   * Deliveries that arrive while a transaction runs wait and go into the next one, so under load a
   * group commits once per batch instead of once per event (commits are what PostgreSQL does
   * slowest). Aggregates hash to LANES lanes that run side by side, each one batch at a time in
   * arrival order: an aggregate's events stay in order. A batch that fails is applied again one
   * event at a time, so only the failing event retries.
   */
  const lanes = Array.from({ length: spec.options.lanes ?? DEFAULT_LANES }, () => ({ waiting: [] as Waiting[], draining: false }));

  async function drain(lane: (typeof lanes)[number]) {
    lane.draining = true;
    try {
      while (lane.waiting.length > 0) {
        const batch = lane.waiting.splice(0, MAX_BATCH);
        const startedAt = performance.now();
        let events: DeliveredEvent<C, EventTypeOf<C>>[] | undefined;
        try {
          events = batch.map((entry) => parse(entry.envelope));
        } catch {
          events = undefined;
        }
        const outcomes = events && batch.length > 1 ? await applyAll(spec.db, events).catch(() => undefined) : undefined;
        if (!outcomes) {
          for (const entry of batch) entry.done(await handleOne(entry.envelope, entry.attempt));
          continue;
        }
        const seconds = (performance.now() - startedAt) / 1000;
        batch.forEach((entry, i) => {
          const labels = { consumer: name, type: entry.envelope.type };
          spec.metrics.consumed.inc({ ...labels, outcome: outcomes[i]! });
          spec.metrics.processing.observe(labels, seconds);
          entry.done(null);
        });
      }
    } finally {
      lane.draining = false;
    }
  }

  function handle(envelope: EventEnvelope, attempt: number): Promise<Outcome> {
    const lane = lanes[laneOf(envelope.aggregateId, lanes.length)]!;
    return new Promise<Outcome>((done) => {
      lane.waiting.push({ envelope, attempt, done });
      // The next turn of the event loop, so deliveries that arrived together share a transaction.
      if (!lane.draining) setImmediate(() => void (lane.draining ? undefined : drain(lane)));
    });
  }

  return {
    name,
    binding: {
      queue: `${spec.subgraph}.${name}`,
      routes: spec.types.map((type) => ({ domain: spec.catalog.domain, type })),
      retryDelaysMs: delays,
      concurrency: spec.options.concurrency ?? 16,
    },
    handle,
    apply,
  };
}
