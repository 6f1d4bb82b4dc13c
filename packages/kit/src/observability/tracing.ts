import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * OpenTelemetry traces, off unless configured: OTEL_EXPORTER_OTLP_ENDPOINT (e.g.
 * http://collector:4318) exports over OTLP/HTTP. One trace spans gateway → subgraphs → SQL:
 * @apollo/gateway creates its request/plan/fetch spans, the gateway's data source sends W3C
 * `traceparent`, each subgraph continues it (`subgraph.request`), and every SQL statement is a span.
 */
/**
 * Looked up when used, not at import: @opentelemetry/api may be loaded twice (its ESM and CJS
 * builds), and a tracer taken before registration from the copy the SDK did not register through
 * would stay a no-op forever.
 */
export const tracer = () => trace.getTracer('mosaic');

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP endpoint; traces are exported to `<endpoint>/v1/traces`. */
  otlpEndpoint?: string | undefined;
  /** Tests: an in-memory exporter, spans exported synchronously. */
  exporter?: SpanExporter;
}

let provider: NodeTracerProvider | undefined;

/**
 * Registers the global tracer provider once per process; a no-op without endpoint or exporter.
 * The SDK is loaded only then: processes without tracing do not carry it.
 */
export async function setupTracing(options: TracingOptions): Promise<{ shutdown(): Promise<void> }> {
  if (provider || (!options.otlpEndpoint && !options.exporter)) return { shutdown: async () => {} };
  const [{ W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, SimpleSpanProcessor }, { NodeTracerProvider }, { instrumentSqlQueries }] =
    await Promise.all([
      import('@opentelemetry/core'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/sdk-trace-node'),
      import('./sql-spans'),
    ]);
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.otlpEndpoint!.replace(/\/$/, '')}/v1/traces` }));
  provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': options.serviceName }), spanProcessors: [processor] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  await instrumentSqlQueries(inSpan);
  const registered = provider;
  return {
    async shutdown() {
      await registered.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
      provider = undefined;
    },
  };
}

export const tracingEnabled = () => provider !== undefined;

/** The trace context a caller sent (`traceparent`), to continue its trace. */
export function contextFromHeaders(headers: IncomingHttpHeaders): Context {
  return propagation.extract(context.active(), headers);
}

/** Adds `traceparent` for the active span to outgoing headers. */
export function injectTraceHeaders(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), {}, { set: (_carrier, key, value) => set(key, value) });
}

/** Runs `work` in a span; records failures. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>, parent?: Context, kind = SpanKind.INTERNAL): Promise<T> {
  if (!provider) return work();
  const span = tracer().startSpan(name, { attributes, kind }, parent ?? context.active());
  return context.with(trace.setSpan(parent ?? context.active(), span), async () => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
