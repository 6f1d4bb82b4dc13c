import { createLogger, serveSubgraph, type SubgraphDeps, type SubgraphModule } from '@mosaic/kit';

export const testLogger = createLogger('test', { level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface ServedSubgraph {
  url: string;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Builds a subgraph module and serves it on a free port (or `options.port`), over real HTTP. */
export async function serveModuleForTest<D extends SubgraphDeps>(module: SubgraphModule<D>, deps: D, options: { port?: number } = {}): Promise<ServedSubgraph> {
  const built = await module.build(deps);
  const running = await serveSubgraph(built.subgraph, { port: options.port ?? 0, host: '127.0.0.1', log: deps.log, ...(built.routes ? { routes: built.routes } : {}) });
  const close = async () => {
    await running.close();
    await built.close?.();
  };
  return { url: `${running.url}/graphql`, close, [Symbol.asyncDispose]: close };
}
