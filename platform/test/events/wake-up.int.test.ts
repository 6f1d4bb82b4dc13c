import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEventTables, createInProcessTransport, drizzleOver, openSqlClient, type SqlClient } from '@mosaic/kit';
import { busOver, createTestDatabase, recordEffect, testCatalog, type TestDatabase } from './harness';

const opened: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of opened.reverse()) await close();
});

async function postgresClient(): Promise<SqlClient> {
  const database: TestDatabase = await createTestDatabase();
  opened.push(() => database.drop());
  return database.client;
}

async function pgliteClient(): Promise<SqlClient> {
  const client = await openSqlClient({ kind: 'pglite', dataDir: 'memory://' });
  opened.push(() => client.close());
  return client;
}

/**
 * With a poll interval of an hour, only LISTEN/NOTIFY can bring a new event to the consumer in
 * time: the outbox insert's trigger notifies the relay when the transaction commits.
 */
describe.each([
  ['PostgreSQL', postgresClient],
  ['PGlite', pgliteClient],
] as const)('the relay on %s', (_name, open) => {
  // PGlite's first start (initdb in WebAssembly) takes seconds, more on a busy machine: a hook's time.
  let client: SqlClient;
  beforeAll(async () => {
    client = await open();
  });

  it('wakes on NOTIFY when an event commits, and prunes sent rows after the retention period', { timeout: 60_000 }, async () => {
    const db = drizzleOver(client);
    const schema = 'wake';
    await db.execute(sql.raw(`create schema if not exists ${schema}`));
    await db.execute(sql.raw(`create table ${schema}.effects (applied bigint generated always as identity primary key, consumer text not null, aggregate text not null, n integer not null)`));
    await applyEventTables(client, schema);
    const catalog = testCatalog();
    const bus = busOver(createInProcessTransport(), { pollMs: 3_600_000, retentionMs: 1 });
    const events = bus.forSubgraph(schema, client, { pruneEveryMs: 0 });
    const outbox = events.outbox(catalog);
    events.on(catalog, 'thing.happened', recordEffect(schema, 'recorder'), { group: 'recorder' });
    await events.start();
    try {
      const count = async (query: string) => {
        // postgres.js answers rows, PGlite { rows }.
        const result = (await db.execute(sql.raw(query))) as unknown as { n: number }[] | { rows: { n: number }[] };
        return Number((Array.isArray(result) ? result : result.rows)[0]!.n);
      };
      // The relay found nothing, asked writers to NOTIFY it and sleeps (for an hour, but for that).
      const asleep = () => expect.poll(() => count(`select count(*)::int as n from ${schema}.outbox_wakeup where needed`), { timeout: 10_000 }).toBe(1);
      for (const n of [1, 2, 3]) {
        await asleep();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate: 'a', n }));
        await expect.poll(() => count(`select count(*)::int as n from ${schema}.effects`), { timeout: 10_000 }).toBe(n);
      }
      // Sent rows older than the retention (1 ms here) are pruned on the relay's next round.
      await expect.poll(() => count(`select count(*)::int as n from ${schema}.outbox`), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    } finally {
      await events.stop();
      await bus.close();
    }
  });
});
