import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
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
  it('wakes on NOTIFY when an event commits, and prunes sent rows after the retention period', async () => {
    const client = await open();
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
      // The relay's first step ran at start and found nothing; it now waits for a notification.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 1 }));
      const count = async (table: string) => {
        // postgres.js answers rows, PGlite { rows }.
        const result = (await db.execute(sql.raw(`select count(*)::int as n from ${schema}.${table}`))) as unknown as { n: number }[] | { rows: { n: number }[] };
        return Number((Array.isArray(result) ? result : result.rows)[0]!.n);
      };
      await expect.poll(() => count('effects'), { timeout: 3_000 }).toBe(1);
      // Sent, then pruned once older than the retention (1 ms here) on a later wake-up.
      await db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 2 }));
      await expect.poll(() => count('effects'), { timeout: 3_000 }).toBe(2);
      await db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 3 }));
      await expect.poll(() => count('outbox'), { timeout: 3_000 }).toBeLessThanOrEqual(1);
    } finally {
      await events.stop();
      await bus.close();
    }
  });
});
