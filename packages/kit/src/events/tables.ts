import { bigint, boolean, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** Outbox rows are spread over this many partitions; a relay replica publishes a partition alone. */
export const OUTBOX_PARTITIONS = 16;

function define(schema: string) {
  const s = pgSchema(schema);
  return {
    outbox: s.table('outbox', {
      /** Commit order per aggregate (writers of one aggregate serialise on it): the publish order. */
      seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      id: uuid('id').notNull(),
      type: text('type').notNull(),
      version: integer('version').notNull(),
      aggregateId: text('aggregate_id').notNull(),
      partition: smallint('partition').notNull(),
      tenantId: text('tenant_id'),
      occurredAt: instant('occurred_at').notNull(),
      traceparent: text('traceparent'),
      payload: jsonb('payload').notNull(),
      publishedAt: instant('published_at'),
    }),
    outboxPartitions: s.table('outbox_partitions', { partition: smallint('partition').primaryKey() }),
    /** One row: whether a relay sleeps and wants a NOTIFY for the next insert. */
    outboxWakeup: s.table('outbox_wakeup', { needed: boolean('needed').notNull() }),
    inbox: s.table(
      'inbox',
      {
        consumer: text('consumer').notNull(),
        eventId: uuid('event_id').notNull(),
        processedAt: instant('processed_at').notNull(),
      },
      (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
    ),
    deadLetters: s.table('dead_letters', {
      id: uuid('id').primaryKey(),
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      type: text('type').notNull(),
      envelope: jsonb('envelope').notNull(),
      error: text('error').notNull(),
      attempts: integer('attempts').notNull(),
      failedAt: instant('failed_at').notNull(),
      replayRequestedAt: instant('replay_requested_at'),
      replayedAt: instant('replayed_at'),
    }),
  };
}

export type EventTables = ReturnType<typeof define>;
export type OutboxRow = EventTables['outbox']['$inferSelect'];
export type DeadLetterRow = EventTables['deadLetters']['$inferSelect'];

const cache = new Map<string, EventTables>();

/** The event tables in a subgraph's own schema (every subgraph schema has them, see migrations.ts). */
export function eventTables(schema: string): EventTables {
  let tables = cache.get(schema);
  if (!tables) cache.set(schema, (tables = define(schema)));
  return tables;
}

/** The LISTEN/NOTIFY channel an outbox insert wakes its relay on. */
export const outboxChannel = (schema: string) => `mosaic_outbox_${schema}`;
