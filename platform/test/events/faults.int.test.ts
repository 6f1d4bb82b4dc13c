import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, repoRoot } from '@mosaic/testing';
import { eventTables, openSqlClient, type Db, type EventBus, type Outbox, type SqlClient } from '@mosaic/kit';
import { busOver, cleanBroker, createTestDatabase, effects, eventsSchema, exactlyOnceInOrder, recordEffect, testCatalog, transportFor, type TestCatalog, type TestDatabase } from './harness';

let database: TestDatabase;
const cleanup: (() => Promise<void>)[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
  await database.drop();
});

/** A replica of a stand-in subgraph: its own pool and broker connection, a relay and the recording consumer. */
async function replica(schema: string, catalog: TestCatalog, options: { amqpUrl?: string; relay?: boolean; client?: SqlClient } = {}) {
  const client = options.client ?? (await openSqlClient({ kind: 'postgres', url: database.url, poolMax: 4 }));
  const bus: EventBus = busOver(await transportFor('rabbitmq', options.amqpUrl), { retryBaseMs: 50 });
  const events = bus.forSubgraph(schema, client);
  const outbox = options.relay === false ? undefined : events.outbox(catalog);
  events.on(catalog, 'thing.happened', recordEffect(schema, 'recorder'), { group: 'recorder', concurrency: 32 });
  await events.start();
  const stop = async () => {
    await events.stop();
    await bus.close();
    if (!options.client) await client.close();
  };
  cleanup.push(stop);
  return { bus, events, outbox, stop };
}

async function fresh() {
  const schema = await eventsSchema(database);
  const catalog = testCatalog();
  cleanup.push(() => cleanBroker([`${schema}.recorder`], [catalog.domain]));
  return { schema, catalog };
}

/** `writers` concurrent writers, each over aggregates of its own, `perTransaction` events per commit. */
async function write(db: Db, outbox: Outbox<TestCatalog>, options: { writers: number; transactions: number; perTransaction: number; aggregatesPerWriter: number }) {
  await Promise.all(
    Array.from({ length: options.writers }, async (_, w) => {
      const next = new Map<string, number>();
      for (let t = 0; t < options.transactions; t++) {
        const batch = Array.from({ length: options.perTransaction }, (_, i) => {
          const aggregate = `w${w}-a${(t * options.perTransaction + i) % options.aggregatesPerWriter}`;
          const n = next.get(aggregate) ?? 0;
          next.set(aggregate, n + 1);
          return { type: 'thing.happened' as const, payload: { aggregate, n } };
        });
        await db.transaction((tx) => outbox.emitAll(tx, batch));
      }
    }),
  );
}

const unsent = async (schema: string) => (await database.db().select().from(eventTables(schema).outbox).where(isNull(eventTables(schema).outbox.publishedAt))).length;

describe('domain events under faults (RabbitMQ, PostgreSQL)', () => {
  it('the broker connection dropped mid-stream, twice: every event applied once, in order per aggregate', async () => {
    const { schema, catalog } = await fresh();
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5672 });
    cleanup.push(() => proxy.close());
    const app = await replica(schema, catalog, { amqpUrl: `amqp://guest:guest@127.0.0.1:${proxy.port}` });
    const writing = write(database.db(), app.outbox!, { writers: 4, transactions: 50, perTransaction: 10, aggregatesPerWriter: 10 });
    for (const threshold of [300, 900]) {
      await expect.poll(async () => (await effects(database, schema)).length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(threshold);
      proxy.drop();
    }
    await writing;
    await expect.poll(async () => (await effects(database, schema)).length, { timeout: 30_000 }).toBe(2000);
    expect(exactlyOnceInOrder(await effects(database, schema), 2000)).toEqual([]);
    expect(proxy.connections()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => unsent(schema)).toBe(0);
  });

  it('a relay killed between publish and mark: its batch is published again and absorbed by the inbox', async () => {
    const { schema, catalog } = await fresh();
    const consumer = await replica(schema, catalog, { relay: false });
    const outbox = consumer.events.outbox(catalog);
    await write(database.db(), outbox, { writers: 1, transactions: 5, perTransaction: 10, aggregatesPerWriter: 5 });

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./relay-child.ts', import.meta.url)), database.url, schema, catalog.domain], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const published = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { published: number }).published));
      child.once('exit', (code) => reject(new Error(`the relay exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(published).toBe(50);

    // Published (the consumer applies them) yet not marked: the kill came first.
    await expect.poll(async () => (await effects(database, schema)).length).toBe(50);
    expect(await unsent(schema)).toBe(50);

    const restarted = await replica(schema, catalog);
    await expect.poll(() => unsent(schema), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await consumer.bus.metrics.consumed.get()).values.concat((await restarted.bus.metrics.consumed.get()).values).filter((v) => v.labels.outcome === 'duplicate').reduce((sum, v) => sum + v.value, 0)).toBe(50);
    expect(exactlyOnceInOrder(await effects(database, schema), 50)).toEqual([]);
  });

  it('10,000 events from concurrent writers through two relay replicas: each applied once, in order per aggregate', async () => {
    const { schema, catalog } = await fresh();
    const a = await replica(schema, catalog);
    const b = await replica(schema, catalog);
    await write(database.db(), a.outbox!, { writers: 8, transactions: 50, perTransaction: 25, aggregatesPerWriter: 25 });
    await expect.poll(async () => (await effects(database, schema)).length, { timeout: 60_000, interval: 100 }).toBe(10_000);
    expect(exactlyOnceInOrder(await effects(database, schema), 10_000)).toEqual([]);
    const publishedBy = async (bus: EventBus) => (await bus.metrics.published.get()).values.reduce((sum, v) => sum + v.value, 0);
    const [byA, byB] = [await publishedBy(a.bus), await publishedBy(b.bus)];
    expect(byA + byB).toBe(10_000);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
  }, 90_000);
});
