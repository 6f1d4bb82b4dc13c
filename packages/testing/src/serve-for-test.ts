import { createEventBus, createInProcessTransport, createLogger, serveSubgraph, type EventsConfig, type SqlClient, type SubgraphDeps, type SubgraphEvents, type SubgraphModule } from '@mosaic/kit';

export const testLogger = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Events in tests: in-process, quick polling and retries so fault tests take milliseconds. */
export const testEventsConfig: EventsConfig = { transport: { kind: 'in-process' }, maxAttempts: 3, retryBaseMs: 20, pollMs: 50, retentionMs: 3_600_000 };

export interface ServedSubgraph {
  url: string;
  events: SubgraphEvents;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

type TestDeps<D extends SubgraphDeps> = Omit<D, 'events'> & { events?: SubgraphEvents };

/**
 * Builds a subgraph module and serves it on a free port, over real HTTP, with its events running
 * (in-process over `client` unless `deps.events` is given).
 */
export async function serveModuleForTest<D extends SubgraphDeps>(module: SubgraphModule<D>, deps: TestDeps<D>, client?: SqlClient): Promise<ServedSubgraph> {
  let events = deps.events;
  let closeBus = async () => {};
  if (!events) {
    if (!client) throw new Error(`serveModuleForTest(${module.name}): pass the SqlClient (or deps.events) so the subgraph's events run.`);
    const bus = createEventBus(createInProcessTransport(), testEventsConfig, deps.log);
    events = bus.forSubgraph(module.name, client);
    closeBus = () => bus.close();
  }
  const built = await module.build({ ...deps, events } as D);
  await events.start();
  const running = await serveSubgraph(built.subgraph, { port: 0, host: '127.0.0.1', log: deps.log, ...(built.routes ? { routes: built.routes } : {}) });
  const close = async () => {
    await running.close();
    await events.stop();
    await built.close?.();
    await closeBus();
  };
  return { url: `${running.url}/graphql`, events, close, [Symbol.asyncDispose]: close };
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
