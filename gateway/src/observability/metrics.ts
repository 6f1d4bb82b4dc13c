import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestHandler } from '@mosaic/kit';
import type { GatewayContext } from '../context';
import type { SubscriptionService } from '../subscriptions/subscription-service';
import type { SubgraphHealth } from './subgraph-health';

const MAX_OPERATION_NAMES = 500;

/**
 * Prometheus metrics at /metrics (on the internal port): operation rate and latency per operation,
 * errors by code, entity and response cache hits and misses, subgraph fetch latency and reachability per subgraph, live subscriptions, and
 * the process's own metrics. One registry per gateway (several gateways can live in one test process).
 */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mosaic_gateway_' });
  const operations = new Counter({ name: 'mosaic_gateway_operations_total', help: 'GraphQL operations by name, type and outcome.', labelNames: ['operation', 'type', 'outcome'], registers: [registry] });
  const errors = new Counter({ name: 'mosaic_gateway_errors_total', help: 'GraphQL errors returned to clients, by extensions.code.', labelNames: ['code'], registers: [registry] });
  const duration = new Histogram({
    name: 'mosaic_gateway_operation_duration_seconds',
    help: 'Time from request parsed to response ready, per operation.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const subgraphDuration = new Histogram({
    name: 'mosaic_gateway_subgraph_request_duration_seconds',
    help: 'Gateway → subgraph HTTP requests, per subgraph and outcome.',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  const cost = new Histogram({
    name: 'mosaic_gateway_operation_cost',
    help: 'Operation cost by the IBM cost spec (demand control): estimated before execution, actual from the response.',
    labelNames: ['kind'],
    buckets: [1, 5, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000, 100_000, 1_000_000],
    registers: [registry],
  });
  const costRefusals = new Counter({
    name: 'mosaic_gateway_cost_refusals_total',
    help: 'Operations over the per-operation cost limit or a client budget; enforced="false" counts what measure mode would have refused.',
    labelNames: ['reason', 'enforced'],
    registers: [registry],
  });
  const entityCache = new Counter({
    name: 'mosaic_gateway_entity_cache_total',
    help: 'Cacheable `_entities` representations looked up in the entity cache, by subgraph, type and outcome (hit, miss).',
    labelNames: ['subgraph', 'type', 'outcome'],
    registers: [registry],
  });
  const entityInvalidations = new Counter({ name: 'mosaic_gateway_entity_cache_invalidations_total', help: 'Cached entities dropped by domain events, by type.', labelNames: ['type'], registers: [registry] });
  const responseCache = new Counter({ name: 'mosaic_gateway_response_cache_total', help: 'PUBLIC queries looked up in the response cache, by outcome (hit, miss).', labelNames: ['outcome'], registers: [registry] });
  const sharedOperations = new Counter({ name: 'mosaic_gateway_shared_operations_total', help: 'Queries answered by an identical execution already in flight (inbound sharing), instead of running their plan.', registers: [registry] });
  const names = new Set<string>();
  // Operation names come from clients: bounded, so a client cannot blow up the label space.
  const operationLabel = (name: string | null | undefined) => {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_]\w{0,63}$/.test(name)) return 'invalid';
    if (names.has(name) || names.size < MAX_OPERATION_NAMES) return names.add(name), name;
    return 'other';
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors: requestErrors, response }) {
          const operationType = operation?.operation ?? 'unknown';
          const label = operationLabel(operationName);
          const responseErrors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const all = [...(requestErrors ?? []), ...responseErrors];
          for (const error of responseErrors.length ? responseErrors : all) errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          operations.inc({ operation: label, type: operationType, outcome: all.length ? 'error' : 'ok' });
          duration.observe({ operation: label, type: operationType }, (performance.now() - startedAt) / 1000);
        },
      };
    },
  };

  return {
    registry,
    plugin,
    observeCost(kind: 'estimated' | 'actual', value: number) {
      cost.observe({ kind }, value);
    },
    refusedForCost(reason: 'operation' | 'client', enforced: boolean) {
      costRefusals.inc({ reason, enforced: String(enforced) });
    },
    observeEntityCache(subgraph: string, type: string, outcome: 'hit' | 'miss') {
      entityCache.inc({ subgraph, type, outcome });
    },
    observeEntityInvalidation(type: string) {
      entityInvalidations.inc({ type });
    },
    observeResponseCache(outcome: 'hit' | 'miss') {
      responseCache.inc({ outcome });
    },
    observeSharedOperation() {
      sharedOperations.inc();
    },
    observeSubgraph(subgraph: string, seconds: number, ok: boolean) {
      subgraphDuration.observe({ subgraph, outcome: ok ? 'ok' : 'error' }, seconds);
    },
    /** Subscription gauges read the service's state at scrape time. */
    watchSubscriptions(service: SubscriptionService) {
      new Gauge({ name: 'mosaic_gateway_subscriptions_active', help: 'Client subscriptions being served.', registers: [registry], collect() { this.set(service.stats().subscribers); } });
      new Gauge({ name: 'mosaic_gateway_subscription_groups', help: 'Groups of subscribers sharing one upstream subscription.', registers: [registry], collect() { this.set(service.stats().groups); } });
      new Gauge({ name: 'mosaic_gateway_subscription_upstream_sockets', help: 'WebSocket connections to subgraphs.', registers: [registry], collect() { this.set(service.stats().upstreamSockets); } });
      new Counter({ name: 'mosaic_gateway_subscription_events_total', help: 'Upstream events resolved (once per group).', registers: [registry], collect() { this.reset(); this.inc(service.counters.events); } });
      new Counter({ name: 'mosaic_gateway_subscription_deliveries_total', help: 'Event payloads written to client sockets.', registers: [registry], collect() { this.reset(); this.inc(service.counters.deliveries); } });
      new Counter({ name: 'mosaic_gateway_subscription_conflated_total', help: 'Events a slow client never got because a newer one with the same key replaced them.', registers: [registry], collect() { this.reset(); this.inc(service.counters.conflated); } });
      new Counter({ name: 'mosaic_gateway_subscription_slow_consumers_closed_total', help: 'Client sockets closed (4008) for not reading fast enough.', registers: [registry], collect() { this.reset(); this.inc(service.counters.slowConsumersClosed); } });
    },
    /** `mosaic_gateway_subgraph_up{subgraph}`: 1 when the subgraph answered a probe at scrape time. */
    watchSubgraphs(health: () => Promise<SubgraphHealth[]>) {
      new Gauge({
        name: 'mosaic_gateway_subgraph_up',
        help: 'Whether each subgraph answered a probe (1) or not (0).',
        labelNames: ['subgraph'],
        registers: [registry],
        async collect() {
          for (const subgraph of await health()) this.set({ subgraph: subgraph.name }, subgraph.reachable ? 1 : 0);
        },
      });
    },
    route: (async (_req, res) => {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(body);
    }) satisfies RequestHandler,
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
