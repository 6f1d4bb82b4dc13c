import { generateSigningKey, loadSigningKeys } from '@mosaic/accounts';
import { createTestDatabase, graphql, testLogger, type GraphQLCaller, type TestDatabase } from '@mosaic/testing';
import { startGraph, type GraphOptions, type RunningGraph } from '../src/start-graph';

export const TOKENS = { issuer: 'mosaic-accounts', audience: 'mosaic', accessTokenTtlSeconds: 900, refreshTokenTtlDays: 30 };

export async function testSigningKeys() {
  return loadSigningKeys({ signingKeys: JSON.stringify([await generateSigningKey('e2e')]), devKeysDir: '', production: true });
}

export interface TestGraph extends RunningGraph {
  database: TestDatabase;
  /** A GraphQL request to the gateway, as a client sends it. */
  call: GraphQLCaller;
  signUp(email: string, password?: string): Promise<{ token: string; userId: string }>;
}

/** The all-in-one graph (gateway + every subgraph, real HTTP) on a fresh PostgreSQL database. */
// The stocks simulator's history warm-up is not what these tests are about; it would only compete for CPU.
process.env.STOCKS_SIM_WARMUP_DAYS ??= '0';

export async function startTestGraph(options: Partial<Pick<GraphOptions, 'onQuery' | 'production' | 'security' | 'events'>> = {}): Promise<TestGraph> {
  const database = await createTestDatabase();
  const graph = await startGraph({
    database: { kind: 'postgres', url: database.url, poolMax: 5 },
    log: testLogger,
    keys: await testSigningKeys(),
    tokens: TOKENS,
    gatewayPort: 0,
    subgraphPorts: 'random',
    ...options,
  });
  const call: GraphQLCaller = (query, variables = {}, token) => graphql(graph.gatewayUrl, query, variables, { token });
  const close = async () => {
    await graph.close();
    await database.drop();
  };
  return {
    ...graph,
    database,
    call,
    async signUp(email, password = 'velvet-otter-lantern') {
      const result = await call(`mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, {
        input: { email, password },
      });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return { token: result.data.register.accessToken, userId: result.data.register.user.id };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
