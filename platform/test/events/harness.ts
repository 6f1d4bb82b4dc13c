import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestDatabase, testEventsConfig, testLogger, type TestDatabase } from '@mosaic/testing';
import {
  applyEventTables,
  createEventBus,
  createInProcessTransport,
  createRabbitMqTransport,
  defineEvents,
  event,
  type Db,
  type EventBus,
  type EventsConfig,
  type SqlClient,
  type Transport,
} from '@mosaic/kit';

export const AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A fresh schema (a stand-in subgraph) with the event tables and an `effects` table handlers write to. */
export async function eventsSchema(database: TestDatabase): Promise<string> {
  const schema = `evt_${randomBytes(4).toString('hex')}`;
  const db = database.db();
  await db.execute(sql.raw(`create schema ${schema}`));
  await db.execute(sql.raw(`create table ${schema}.effects (applied bigint generated always as identity primary key, consumer text not null, aggregate text not null, n integer not null)`));
  await applyEventTables(database.client, schema);
  return schema;
}

/** A catalog under a domain of its own, so exchanges and queues of one test never meet another's. */
export function testCatalog(domain = `t${randomBytes(4).toString('hex')}`) {
  return defineEvents(domain, {
    'thing.happened': event({
      version: 1,
      schema: z.object({ aggregate: z.string(), n: z.number().int(), fail: z.boolean().optional() }),
      aggregateId: (p) => p.aggregate,
    }),
  });
}
export type TestCatalog = ReturnType<typeof testCatalog>;

export interface Effect {
  consumer: string;
  aggregate: string;
  n: number;
}

export async function effects(database: TestDatabase, schema: string): Promise<Effect[]> {
  const rows = await database.db().execute(sql.raw(`select consumer, aggregate, n from ${schema}.effects order by applied`));
  return [...(rows as unknown as Effect[])];
}

export async function transportFor(kind: 'rabbitmq' | 'in-process', url = AMQP_URL): Promise<Transport> {
  return kind === 'rabbitmq' ? createRabbitMqTransport({ url, connectionName: 'mosaic-test', log: testLogger, retryLowMs: 50, retryHighMs: 500 }) : createInProcessTransport();
}

export function busOver(transport: Transport, config: Partial<EventsConfig> = {}): EventBus {
  return createEventBus(transport, { ...testEventsConfig, ...config }, testLogger);
}

export { createTestDatabase, testLogger, type SqlClient, type TestDatabase };

/** Deletes what a test declared on the broker (queues and exchanges are durable). */
export async function cleanBroker(queues: string[], domains: string[], namespace = 'mosaic') {
  const { Connection } = await import('rabbitmq-client');
  const connection = new Connection(AMQP_URL);
  try {
    for (const queue of queues) {
      await connection.queueDelete({ queue: `${namespace}.${queue}` });
      for (let attempt = 1; attempt <= 5; attempt++) await connection.queueDelete({ queue: `${namespace}.${queue}.retry.${attempt}` });
    }
    for (const domain of domains) await connection.exchangeDelete({ exchange: `${namespace}.${domain}` });
  } finally {
    await connection.close();
  }
}

/** The handler every test consumer runs: one effect row per applied event, in the event's transaction. */
export const recordEffect = (schema: string, consumer: string) => async (event: { payload: { aggregate: string; n: number } }, ctx: { tx: Db }) => {
  await ctx.tx.execute(sql`insert into ${sql.raw(schema)}.effects (consumer, aggregate, n) values (${consumer}, ${event.payload.aggregate}, ${event.payload.n})`);
};

/** Checks each consumer saw each (aggregate, n) exactly once, and per aggregate in increasing n. */
export function exactlyOnceInOrder(rows: Effect[], expectedPerConsumer: number) {
  const problems: string[] = [];
  const byConsumer = new Map<string, Effect[]>();
  for (const row of rows) byConsumer.set(row.consumer, [...(byConsumer.get(row.consumer) ?? []), row]);
  for (const [consumer, list] of byConsumer) {
    const seen = new Set<string>();
    const last = new Map<string, number>();
    for (const { aggregate, n } of list) {
      const key = `${aggregate}#${n}`;
      if (seen.has(key)) problems.push(`${consumer}: ${key} applied twice`);
      seen.add(key);
      if ((last.get(aggregate) ?? -1) >= n) problems.push(`${consumer}: ${aggregate} #${n} after #${last.get(aggregate)}`);
      last.set(aggregate, n);
    }
    if (list.length !== expectedPerConsumer) problems.push(`${consumer}: ${list.length} effects, expected ${expectedPerConsumer}`);
  }
  return problems.slice(0, 10);
}
