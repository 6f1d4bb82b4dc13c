import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTables, type EventBus, type SubgraphEvents, type Transport } from '@mosaic/kit';
import { busOver, cleanBroker, createTestDatabase, effects, eventsSchema, recordEffect, testCatalog, transportFor, type TestDatabase } from './harness';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

/** A stand-in subgraph: its schema, outbox and one recording consumer, running on `transport`. */
async function standIn(kind: 'rabbitmq' | 'in-process', options: { fail?: (n: number) => boolean; group?: string; retentionMs?: number } = {}) {
  const schema = await eventsSchema(database);
  const catalog = testCatalog();
  const transport: Transport = await transportFor(kind);
  const bus: EventBus = busOver(transport, options.retentionMs ? { retentionMs: options.retentionMs } : {});
  const events: SubgraphEvents = bus.forSubgraph(schema, database.client, options.retentionMs ? { pruneEveryMs: 0 } : {});
  const outbox = events.outbox(catalog);
  const group = options.group ?? 'recorder';
  const record = recordEffect(schema, group);
  const failing = { on: options.fail ?? (() => false) };
  events.on(catalog, 'thing.happened', async (event, ctx) => {
    if (failing.on(event.payload.n)) throw new Error(`cannot apply #${event.payload.n}`);
    await record(event, ctx);
  }, { group });
  await events.start();
  const stop = async () => {
    await events.stop();
    await bus.close();
  };
  cleanup.push(stop);
  if (kind === 'rabbitmq') cleanup.push(() => cleanBroker([`${schema}.${group}`], [catalog.domain]));
  const db = database.db();
  return {
    schema,
    catalog,
    events,
    outbox,
    failing,
    stop,
    emit: (aggregate: string, n: number) => db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate, n })),
    effects: () => effects(database, schema),
  };
}

describe.each(['in-process', 'rabbitmq'] as const)('events over %s', (kind) => {
  it('delivers an event committed with its change once, and never one whose transaction rolled back', async () => {
    const app = await standIn(kind);
    const db = database.db();
    await app.emit('a', 1);
    await db
      .transaction(async (tx) => {
        await app.outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 2 });
        throw new Error('the change fails');
      })
      .catch(() => {});
    await app.emit('a', 3);
    await expect.poll(app.effects).toEqual([
      { consumer: 'recorder', aggregate: 'a', n: 1 },
      { consumer: 'recorder', aggregate: 'a', n: 3 },
    ]);
    const { outbox } = eventTables(app.schema);
    await expect.poll(async () => (await db.select().from(outbox)).every((row) => row.publishedAt !== null)).toBe(true);
  });

  it('forgets sent outbox rows and inbox entries after the retention period', async () => {
    const app = await standIn(kind, { retentionMs: 1 });
    const db = database.db();
    const { outbox, inbox } = eventTables(app.schema);
    for (const n of [1, 2, 3]) await app.emit('a', n);
    await expect.poll(async () => (await app.effects()).length).toBe(3);
    await expect.poll(async () => (await db.select().from(inbox)).length, { timeout: 5_000 }).toBe(0);
    await app.emit('a', 4);
    await expect.poll(async () => (await db.select().from(outbox)).length, { timeout: 5_000 }).toBeLessThanOrEqual(1);
  });

  it('refuses to emit a payload that does not match its schema', async () => {
    const app = await standIn(kind);
    const db = database.db();
    // @ts-expect-error n must be an integer
    await expect(db.transaction((tx) => app.outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 'one' }))).rejects.toThrow(/Invalid thing.happened payload: n:/);
  });

  it('retries a throwing handler, dead-letters the event, keeps the others flowing, and a replay after the fix applies it once', async () => {
    const app = await standIn(kind, { fail: (n) => n === 2 });
    for (const n of [1, 2, 3]) await app.emit(`agg-${n}`, n);
    await expect.poll(async () => (await app.events.deadLetters.list()).length, { timeout: 10_000 }).toBe(1);
    const [dead] = await app.events.deadLetters.list();
    expect(dead).toMatchObject({ consumer: 'recorder', type: 'thing.happened', attempts: 3, error: 'cannot apply #2' });
    await expect.poll(async () => (await app.effects()).map((e) => e.n).sort()).toEqual([1, 3]);

    // Still broken: the replay fails and the dead letter stays pending with the new error.
    const stillBroken = await app.events.deadLetters.replay(dead!.id);
    expect(stillBroken).toMatchObject({ outcome: 'FAILED', error: 'cannot apply #2' });
    expect(await app.events.deadLetters.list()).toHaveLength(1);

    app.failing.on = () => false;
    expect(await app.events.deadLetters.replay(dead!.id)).toMatchObject({ outcome: 'APPLIED' });
    expect(await app.events.deadLetters.replay(dead!.id)).toMatchObject({ outcome: 'ALREADY_APPLIED' });
    expect((await app.effects()).map((e) => e.n).sort()).toEqual([1, 2, 3]);
    expect(await app.events.deadLetters.list()).toEqual([]);
    expect(await app.events.deadLetters.list({ pending: false })).toHaveLength(1);
  });
});
