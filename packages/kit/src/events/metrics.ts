import { Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';

/**
 * Event metrics of one process. Each service serves them at /metrics; all-in-one adds them to the
 * gateway's registry. Labels are event types and consumer groups: both come from code, not
 * clients, so the label space is bounded.
 */
export function createEventMetrics() {
  const registry = new Registry();
  const lagProbes = new Map<string, () => Promise<number>>();
  const published = new Counter({ name: 'mosaic_events_published_total', help: 'Events the relay handed to the transport (confirmed), per type.', labelNames: ['type'], registers: [registry] });
  const consumed = new Counter({ name: 'mosaic_events_consumed_total', help: 'Events a consumer group applied (or found already applied), per group and type.', labelNames: ['consumer', 'type', 'outcome'], registers: [registry] });
  const failed = new Counter({ name: 'mosaic_events_failed_total', help: 'Failed handler attempts, per group and type.', labelNames: ['consumer', 'type'], registers: [registry] });
  const deadLettered = new Counter({ name: 'mosaic_events_dead_lettered_total', help: 'Events a group gave up on after its attempts, per group and type.', labelNames: ['consumer', 'type'], registers: [registry] });
  const processing = new Histogram({
    name: 'mosaic_events_consumer_duration_seconds',
    help: 'Time to handle one event (transaction included), per group and type.',
    labelNames: ['consumer', 'type'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const lag = new Gauge({
    name: 'mosaic_events_outbox_lag_seconds',
    help: 'Age of the oldest unsent outbox event, per subgraph (0 when none waits).',
    labelNames: ['subgraph'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [subgraph, probe] of lagProbes) this.set({ subgraph }, await probe().catch(() => -1));
    },
  });
  const metrics: Metric[] = [published, consumed, failed, deadLettered, processing, lag];
  return {
    registry,
    published,
    consumed,
    failed,
    deadLettered,
    processing,
    /** The relay of `subgraph` reports its lag at scrape time. */
    probeLag(subgraph: string, probe: () => Promise<number>) {
      lagProbes.set(subgraph, probe);
      return () => void lagProbes.delete(subgraph);
    },
    /** Adds these metrics to another registry (all-in-one: the gateway's /metrics). */
    registerInto(target: Registry) {
      for (const metric of metrics) target.registerMetric(metric);
    },
  };
}

export type EventMetrics = ReturnType<typeof createEventMetrics>;
