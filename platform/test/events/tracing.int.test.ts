import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSpan, setupTracing } from '@mosaic/kit';
import { busOver, cleanBroker, createTestDatabase, effects, eventsSchema, recordEffect, testCatalog, transportFor, type TestDatabase } from './harness';

const exporter = new InMemorySpanExporter();
const tracing = await setupTracing({ serviceName: 'events-test', exporter });
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
  await tracing.shutdown();
});

describe('trace context from producer to consumer', () => {
  it.each(['in-process', 'rabbitmq'] as const)('the consumer span over %s continues the trace of the request that emitted the event', async (kind) => {
    const schema = await eventsSchema(database);
    const catalog = testCatalog();
    const bus = busOver(await transportFor(kind));
    const events = bus.forSubgraph(schema, database.client);
    const outbox = events.outbox(catalog);
    events.on(catalog, 'thing.happened', recordEffect(schema, 'recorder'), { group: 'recorder' });
    await events.start();
    try {
      const db = database.db();
      await inSpan('orders.request', {}, () => db.transaction((tx) => outbox.emit(tx, 'thing.happened', { aggregate: 'a', n: 1 })));
      await expect.poll(async () => (await effects(database, schema)).length).toBe(1);
      await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'thing.happened process')).toBe(true);
      const spans = exporter.getFinishedSpans();
      const request = spans.find((s) => s.name === 'orders.request')!;
      const consumer = spans.find((s) => s.name === 'thing.happened process')!;
      expect(consumer.spanContext().traceId).toBe(request.spanContext().traceId);
      expect(consumer.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
      expect(consumer.attributes['messaging.consumer.group.name']).toBe('recorder');
    } finally {
      exporter.reset();
      await events.stop();
      await bus.close();
      if (kind === 'rabbitmq') await cleanBroker([`${schema}.recorder`], [catalog.domain]);
    }
  });
});
