import { drizzleOver, type SqlClient } from '../db/database';
import type { Logger } from '../logger';
import type { EventCatalog, EventTypeOf } from './catalog';
import { createConsumerGroup, type ConsumerGroup, type ConsumerOptions, type EventHandler } from './consumer';
import { listDeadLetters, pruneConsumed, replayDeadLetter, replayRequested, requestReplay, type DeadLetterQuery, type ReplayResult } from './dead-letters';
import { createInProcessTransport } from './in-process-transport';
import { createEventMetrics, type EventMetrics } from './metrics';
import { createOutbox, type Outbox } from './outbox';
import { createRabbitMqTransport } from './rabbitmq-transport';
import { createRelay, type Relay, type RelayOptions } from './relay';
import type { DeadLetterRow } from './tables';
import type { Transport } from './transport';

export interface EventsConfig {
  transport: { kind: 'rabbitmq'; url: string; namespace?: string } | { kind: 'in-process' };
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  retentionMs: number;
}

export const DEFAULT_EVENTS_CONFIG: EventsConfig = { transport: { kind: 'in-process' }, maxAttempts: 5, retryBaseMs: 1_000, pollMs: 1_000, retentionMs: 7 * 24 * 3_600_000 };

/**
 * What a subgraph gets as `deps.events`: its typed outbox, its consumer declarations, its dead
 * letters. The platform starts it after `build()` (relay + consumers) and stops it on shutdown.
 */
export interface SubgraphEvents {
  /** The outbox for this subgraph's own events; declaring it makes this subgraph run a relay. */
  outbox<C extends EventCatalog>(catalog: C): Outbox<C>;
  /** Declares a consumer group for events of `catalog` (any domain's). Before `start()` only. */
  on<C extends EventCatalog, T extends EventTypeOf<C>>(catalog: C, types: T | readonly T[], handler: EventHandler<C, T>, options?: ConsumerOptions): void;
  deadLetters: {
    list(query?: DeadLetterQuery): Promise<DeadLetterRow[]>;
    replay(id: string): Promise<ReplayResult>;
  };
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One per process: the transport and the metrics every subgraph in the process shares. */
export interface EventBus {
  transport: Transport;
  metrics: EventMetrics;
  config: EventsConfig;
  forSubgraph(name: string, client: SqlClient, overrides?: Pick<RelayOptions, 'onPublished' | 'batchSize' | 'pruneEveryMs'>): SubgraphEvents;
  close(): Promise<void>;
}

export async function openEventBus(config: EventsConfig, log: Logger, connectionName = 'mosaic'): Promise<EventBus> {
  const transport = config.transport.kind === 'rabbitmq' ? await createRabbitMqTransport({ url: config.transport.url, connectionName, log, ...(config.transport.namespace ? { namespace: config.transport.namespace } : {}) }) : createInProcessTransport();
  return createEventBus(transport, config, log);
}

export function createEventBus(transport: Transport, config: EventsConfig, log: Logger): EventBus {
  const metrics = createEventMetrics();
  return {
    transport,
    metrics,
    config,
    forSubgraph: (name, client, overrides) => subgraphEvents({ name, client, transport, metrics, config, log: log.child({ events: name }), overrides: overrides ?? {} }),
    close: () => transport.close(),
  };
}

function subgraphEvents(scope: {
  name: string;
  client: SqlClient;
  transport: Transport;
  metrics: EventMetrics;
  config: EventsConfig;
  log: Logger;
  overrides: Pick<RelayOptions, 'onPublished' | 'batchSize' | 'pruneEveryMs'>;
}): SubgraphEvents {
  const db = drizzleOver(scope.client);
  const domains = new Map<string, string>();
  const groups = new Map<string, ConsumerGroup>();
  const running: { close(): Promise<void> }[] = [];
  let relay: Relay | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let started = false;
  const applierOf = (consumer: string) => groups.get(consumer)?.apply;
  const replay = async (id: string) => {
    const result = await replayDeadLetter(db, scope.name, id, applierOf);
    if (result.outcome === 'APPLIED' || result.outcome === 'ALREADY_APPLIED') scope.log.info({ deadLetter: id, outcome: result.outcome }, 'dead letter replayed');
    return result;
  };

  return {
    outbox(catalog) {
      for (const type of Object.keys(catalog.events)) domains.set(type, catalog.domain);
      return createOutbox(scope.name, catalog);
    },
    on(catalog, types, handler, options = {}) {
      if (started) throw new Error('Declare consumers before the events start.');
      const group = createConsumerGroup({
        subgraph: scope.name,
        catalog,
        types: typeof types === 'string' ? [types] : types,
        handler: handler as EventHandler<typeof catalog, EventTypeOf<typeof catalog>>,
        options,
        db,
        log: scope.log,
        metrics: scope.metrics,
        maxAttempts: scope.config.maxAttempts,
        retryBaseMs: scope.config.retryBaseMs,
      });
      if (groups.has(group.name)) throw new Error(`${scope.name} declares the consumer group "${group.name}" twice.`);
      groups.set(group.name, group);
    },
    deadLetters: {
      list: (query) => listDeadLetters(db, scope.name, query),
      replay,
    },
    async start() {
      if (started) return;
      started = true;
      for (const group of groups.values()) running.push(await scope.transport.consume(group.binding, group.handle));
      if (domains.size > 0) {
        relay = createRelay({
          schema: scope.name,
          client: scope.client,
          db,
          transport: scope.transport,
          log: scope.log,
          metrics: scope.metrics,
          domainOf: (type) => domains.get(type) ?? scope.name,
          pollMs: scope.config.pollMs,
          retentionMs: scope.config.retentionMs,
          ...scope.overrides,
        });
        await relay.start();
        const unprobe = scope.metrics.probeLag(scope.name, relay.lagSeconds);
        running.push({ close: async () => unprobe() });
      }
      if (groups.size > 0) {
        let lastPrune = 0;
        const pruneEveryMs = scope.overrides.pruneEveryMs ?? 60_000;
        sweeper = setInterval(() => {
          void (async () => {
            // Replays the CLI asked for (it cannot run handlers itself).
            for (const id of await replayRequested(db, scope.name, [...groups.keys()])) await replay(id);
            if (Date.now() - lastPrune >= pruneEveryMs) {
              lastPrune = Date.now();
              await pruneConsumed(db, scope.name, scope.config.retentionMs);
            }
          })().catch((error: unknown) => scope.log.warn({ err: error }, 'event housekeeping failed (replays, pruning)'));
        }, scope.config.pollMs);
        sweeper.unref();
      }
    },
    async stop() {
      clearInterval(sweeper);
      await relay?.stop();
      for (const handle of running.splice(0).reverse()) await handle.close();
      started = false;
    },
  };
}

export { requestReplay };
