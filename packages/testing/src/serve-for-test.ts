import { createLogger, createMemoryCacheStores, createMemoryPubSub, serveSubgraph, type BuiltSubgraph, type SubgraphDeps, type SubgraphModule } from '@mosaic/kit';

export const testLogger = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface ServedSubgraph {
  /** The subgraph's GraphQL endpoint (`<origin>/graphql`). */
  url: string;
  /** Where it listens, e.g. `http://127.0.0.1:4321` (its routes and public paths hang off it). */
  origin: string;
  built: BuiltSubgraph;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The module's dependencies as a test gives them: logger, in-process pub/sub and caches, and the real clock by default. */
export type TestDeps<D extends SubgraphDeps> = Omit<D, 'log' | 'pubsub' | 'caches' | 'now'> & Partial<Pick<D, 'log' | 'pubsub' | 'caches' | 'now'>>;

export function withTestDefaults<D extends SubgraphDeps>(deps: TestDeps<D>): D {
  return { log: testLogger, pubsub: createMemoryPubSub(), caches: createMemoryCacheStores(), now: () => new Date(), ...deps } as D;
}

/**
 * Builds a subgraph module exactly as the platform does (its settings read from `env`, defaulting to
 * this process's environment) and serves it on a free port (or `options.port`, when its settings must
 * name its own URL), over real HTTP.
 */
export async function serveModuleForTest<D extends SubgraphDeps>(
  module: SubgraphModule<D>,
  deps: TestDeps<D>,
  env: NodeJS.ProcessEnv = process.env,
  options: { port?: number } = {},
): Promise<ServedSubgraph> {
  const full = withTestDefaults(deps);
  const built = await module.configure(env)(full);
  const running = await serveSubgraph(built.subgraph, {
    port: options.port ?? 0,
    host: '127.0.0.1',
    log: full.log,
    ...(built.routes ? { routes: built.routes } : {}),
    ...(built.publicHttp ? { fallback: built.publicHttp } : {}),
  });
  const close = async () => {
    await running.close();
    await built.close?.();
  };
  return { url: `${running.url}/graphql`, origin: running.url, built, close, [Symbol.asyncDispose]: close };
}
