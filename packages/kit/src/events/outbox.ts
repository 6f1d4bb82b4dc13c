import { context, propagation } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { uuidv7 } from '../data/uuid';
import type { EventCatalog, EventTypeOf, PayloadOf } from './catalog';
import { eventTables, OUTBOX_PARTITIONS } from './tables';

export interface EmitOptions {
  tenantId?: string | null;
  occurredAt?: Date;
}

export interface PendingEvent<C extends EventCatalog, T extends EventTypeOf<C> = EventTypeOf<C>> {
  type: T;
  payload: PayloadOf<C, T>;
  options?: EmitOptions;
}

/**
 * A subgraph's typed outbox. `emit` takes the transaction that makes the change: the event is
 * committed with it or not at all, and the relay publishes it after the commit.
 */
export interface Outbox<C extends EventCatalog> {
  readonly catalog: C;
  readonly schema: string;
  /** Writes one event; returns its id. The payload is validated against the declared schema. */
  emit<T extends EventTypeOf<C>>(tx: Db, type: T, payload: PayloadOf<C, T>, options?: EmitOptions): Promise<string>;
  /** Several events in one statement, in this order. */
  emitAll(tx: Db, events: readonly PendingEvent<C>[]): Promise<string[]>;
}

/** FNV-1a, stable across processes and releases: a partition must not move while its rows wait. */
export function partitionOf(aggregateId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < aggregateId.length; i++) hash = Math.imul(hash ^ aggregateId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % OUTBOX_PARTITIONS;
}

function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

export function createOutbox<C extends EventCatalog>(schema: string, catalog: C): Outbox<C> {
  const { outbox } = eventTables(schema);
  const rowOf = ({ type, payload, options }: PendingEvent<C>) => {
    const definition = catalog.events[type];
    if (!definition) throw new Error(`"${type}" is not an event of ${catalog.domain}.`);
    const parsed = definition.schema.safeParse(payload);
    // A payload that does not match its schema is a bug in the emitting code, not user input.
    if (!parsed.success) throw new Error(`Invalid ${type} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const aggregateId = definition.aggregateId(parsed.data);
    const occurredAt = options?.occurredAt ?? new Date();
    return {
      id: uuidv7(occurredAt.getTime()),
      type,
      version: definition.version,
      aggregateId,
      partition: partitionOf(aggregateId),
      tenantId: options?.tenantId ?? null,
      occurredAt,
      traceparent: currentTraceparent(),
      payload: parsed.data,
    };
  };
  const emitAll = async (tx: Db, events: readonly PendingEvent<C>[]) => {
    if (events.length === 0) return [];
    const rows = events.map(rowOf);
    // One JSON parameter whatever the number of events: building statements is what costs a
    // writer most (far more than the rows themselves). `ord` keeps the order, hence `seq`'s.
    await tx.execute(sql`
      insert into ${outbox} (id, type, version, aggregate_id, partition, tenant_id, occurred_at, traceparent, payload)
      select (e->>'id')::uuid, e->>'type', (e->>'version')::int, e->>'aggregateId', (e->>'partition')::smallint,
        e->>'tenantId', (e->>'occurredAt')::timestamptz, e->>'traceparent', e->'payload'
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as rows(e, ord)
      order by ord`);
    return rows.map((row) => row.id);
  };
  return {
    catalog,
    schema,
    async emit(tx, type, payload, options) {
      const [id] = await emitAll(tx, [{ type, payload, ...(options ? { options } : {}) }]);
      return id!;
    },
    emitAll,
  };
}
