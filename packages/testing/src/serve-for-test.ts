import {
  createEventBus,
  createInProcessTransport,
  createLogger,
  createMemoryCacheStores,
  createMemoryPubSub,
  serveSubgraph,
  type BuiltSubgraph,
  type EventsConfig,
  type Logger,
  type SqlClient,
  type SubgraphDeps,
  type SubgraphEvents,
  type SubgraphModule,
} from '@mosaic/kit';

export const testLogger = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Events in tests: in-process, quick polling and retries so fault tests take milliseconds. */
export const testEventsConfig: EventsConfig = { transport: { kind: 'in-process' }, maxAttempts: 3, retryBaseMs: 20, pollMs: 50, retentionMs: 3_600_000 };

export interface ServedSubgraph {
  /** The subgraph's GraphQL endpoint (`<origin>/graphql`). */
  url: string;
  /** Where it listens, e.g. `http://127.0.0.1:4321` (its routes and public paths hang off it). */
  origin: string;
  built: BuiltSubgraph;
  events: SubgraphEvents;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * The module's dependencies as a test gives them: logger, in-process pub/sub and caches, and the
 * real clock by default; events in process over `client` (the database's SQL client) unless
 * `events` is given.
 */
export type TestDeps<D extends SubgraphDeps> = Omit<D, 'log' | 'pubsub' | 'caches' | 'now' | 'events'> &
  Partial<Pick<D, 'log' | 'pubsub' | 'caches' | 'now' | 'events'>> & { client?: SqlClient };

/**
 * Builds a subgraph module exactly as the platform does (its settings read from `env`, defaulting to
 * this process's environment), starts its events, and serves it on a free port (or `options.port`,
 * when its settings must name its own URL), over real HTTP.
 */
export async function serveModuleForTest<D extends SubgraphDeps>(
  module: SubgraphModule<D>,
  deps: TestDeps<D>,
  env: NodeJS.ProcessEnv = process.env,
  options: { port?: number } = {},
): Promise<ServedSubgraph> {
  const { client, ...given } = deps;
  const log = (given.log as Logger | undefined) ?? testLogger;
  let events = given.events;
  let closeBus = async () => {};
  if (!events) {
    if (!client) throw new Error(`serveModuleForTest(${module.name}): pass the database's SqlClient as deps.client (or deps.events) so the subgraph's events run.`);
    const bus = createEventBus(createInProcessTransport(), testEventsConfig, log);
    events = bus.forSubgraph(module.name, client);
    closeBus = () => bus.close();
  }
  const full = { log, pubsub: createMemoryPubSub(), caches: createMemoryCacheStores(), now: () => new Date(), ...given, events } as D;
  const built = await module.configure(env)(full);
  await events.start();
  const running = await serveSubgraph(built.subgraph, {
    port: options.port ?? 0,
    host: '127.0.0.1',
    log,
    ...(built.routes ? { routes: built.routes } : {}),
    ...(built.publicHttp ? { fallback: built.publicHttp } : {}),
  });
  const close = async () => {
    await running.close();
    await events.stop();
    await built.close?.();
    await closeBus();
  };
  return { url: `${running.url}/graphql`, origin: running.url, built, events, close, [Symbol.asyncDispose]: close };
}

/** For tests that build a subgraph which declares no events: any use fails loudly. */
export const noEvents: SubgraphEvents = {
  outbox: () => {
    throw new Error('This test runs no events; serve the subgraph with serveModuleForTest.');
  },
  on: () => {
    throw new Error('This test runs no events; serve the subgraph with serveModuleForTest.');
  },
  deadLetters: { list: async () => [], replay: async () => ({ outcome: 'UNKNOWN_CONSUMER' }) },
  start: async () => {},
  stop: async () => {},
};
