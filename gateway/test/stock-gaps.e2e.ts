import type { ChildProcess } from 'node:child_process';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRoutedServer, listen, type RunningServer } from '@mosaic/kit';
import { createTestAuth, graphql } from '@mosaic/testing';
import { createGateway, type Gateway } from '../src/index';
import { startStockGateway } from './stock-gateway';
import { STOCK_GAP_GRAPHS, type GapCase, type GapGraph } from './stock-gap-graphs';

/**
 * Where stock @apollo/gateway 2.14 answers wrongly (issue 21), Mosaic's gateway — the same
 * planner, planning with a corrected supergraph and correcting its plans (src/planning/) — answers
 * as the federation spec says: each graph of stock-gap-graphs.ts served by real subgraphs over
 * HTTP, asked through stock (a process of its own) and through Mosaic.
 */
const log = createLogger('test', { level: 'silent' });

interface Served {
  stockUrl: string;
  mosaicUrl: string;
  close(): Promise<void>;
}

async function serve(graph: GapGraph): Promise<Served> {
  const stops: (() => Promise<void>)[] = [];
  const services = [];
  for (const [name, { typeDefs, resolvers }] of Object.entries(graph.subgraphs)) {
    const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }) });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    stops.push(() => server.stop());
    services.push({ name, typeDefs, url });
  }
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  let stock: { url: string; child: ChildProcess } | undefined;
  let mosaic: Gateway | undefined;
  let mosaicServer: RunningServer | undefined;
  try {
    stock = await startStockGateway(composed.supergraphSdl);
    const auth = await createTestAuth();
    mosaic = createGateway({ supergraphSdl: composed.supergraphSdl, verifier: auth.verifier, log, production: false });
    await mosaic.start();
    mosaicServer = await listen(createRoutedServer(mosaic.routes, log), 0, '127.0.0.1');
  } catch (error) {
    stock?.child.kill('SIGTERM');
    for (const stop of stops) await stop();
    throw error;
  }
  const started = { stock, mosaic, mosaicServer };
  return {
    stockUrl: stock.url,
    mosaicUrl: `${mosaicServer.url}/graphql`,
    async close() {
      await started.mosaic.stop();
      await started.mosaicServer.close();
      started.stock.child.kill('SIGTERM');
      for (const stop of stops) await stop();
    },
  };
}

/** Data as it is; errors only as "there are some", as the expected answers state them. */
function outcome(response: { data?: unknown; errors?: readonly unknown[] }): GapCase['expected'] {
  return response.errors?.length ? { data: response.data ?? null, errors: true } : { data: response.data ?? null };
}

describe.each(Object.entries(STOCK_GAP_GRAPHS))('%s', (_name, graph) => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(graph);
  }, 60_000);
  afterAll(async () => {
    await served?.close();
  });

  it.each(Object.entries(graph.cases))('%s', async (_case, { query, variables, expected, wrongOnStock, errorsAt }) => {
    const stock = outcome(await graphql(served.stockUrl, query, variables));
    if (wrongOnStock) expect(stock).not.toEqual(expected);
    else expect(stock).toEqual(expected);
    // Twice: the second run uses the cached (corrected) plan.
    for (let run = 0; run < 2; run++) {
      const response = await graphql(served.mosaicUrl, query, variables);
      expect(outcome(response)).toEqual(expected);
      if (errorsAt) expect(response.errors?.map((e) => (e as { path?: unknown }).path)).toEqual(errorsAt);
    }
  });
});
