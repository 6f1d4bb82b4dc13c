import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTracing } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/** Traces and metrics show the traffic: one trace from the gateway through a subgraph into SQL. */
const exporter = new InMemorySpanExporter();
const tracing = await setupTracing({ serviceName: 'test', exporter });
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(async () => {
  await graph.close();
  await tracing.shutdown();
});

describe('observability', () => {
  it('traces a request from the gateway through the owning subgraph into SQL, in one trace', async () => {
    const { token } = await graph.signUp('traced@example.com');
    exporter.reset();
    const response = await graph.call(`{ me { email notes { edges { node { title } } } } }`, {}, token);
    expect(response.errors).toBeUndefined();
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'notes.request')).toBe(true);
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === 'gateway.http')!;
    const inTrace = spans.filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    const names = new Set(inTrace.map((s) => s.name));
    for (const name of ['gateway.http', 'gateway.request', 'gateway.plan', 'gateway.fetch', 'accounts.request', 'notes.request', 'db.query']) expect(names, name).toContain(name);
    const notesRequest = inTrace.find((s) => s.name === 'notes.request')!;
    const notesSql = inTrace.filter((s) => s.name === 'db.query' && s.parentSpanContext?.spanId === notesRequest.spanContext().spanId);
    expect(notesSql.length).toBeGreaterThan(0);
    // The first statement of a tenant-bound transaction sets the tenant; the notes query follows.
    expect(notesSql.map((span) => String(span.attributes['db.statement']))).toContainEqual(expect.stringMatching(/"notes"\."notes"/));
  });

  it('exposes Prometheus metrics for operations, errors, subgraphs and subscriptions', async () => {
    const { token } = await graph.signUp('metrics@example.com');
    await graph.call(`query MeForMetrics { me { email todos { edges { node { title } } } } }`, {}, token);
    await graph.call(`query Broken { me { nope } }`, {}, token);
    const text = await (await fetch(`${graph.internalUrl}/metrics`)).text();
    expect(text).toMatch(/mosaic_gateway_operations_total\{operation="MeForMetrics",type="query",outcome="ok"\} 1/);
    expect(text).toMatch(/mosaic_gateway_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} \d+/);
    expect(text).toMatch(/mosaic_gateway_operation_duration_seconds_bucket\{le="[\d.]+",operation="MeForMetrics",type="query"\}/);
    expect(text).toMatch(/mosaic_gateway_subgraph_request_duration_seconds_count\{subgraph="todos",outcome="ok"\} \d+/);
    expect(text).toMatch(/mosaic_gateway_subscriptions_active 0/);
    expect(text).toMatch(/mosaic_gateway_process_resident_memory_bytes \d+/);
    expect(text).toMatch(/mosaic_gateway_subgraph_up\{subgraph="accounts"\} 1/);
    // Not for clients: the public port does not serve it.
    expect((await fetch(graph.gatewayUrl.replace('/graphql', '/metrics'))).status).toBe(404);
  });
});
