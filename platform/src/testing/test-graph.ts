import { importJWK, type CryptoKey } from 'jose';
import { freePort, generateFieldKey, generateSigningKey } from '@mosaic/kit';
import { createTestDatabase, graphql, testLogger, withListenerCounts, type GraphQLCaller, type TestDatabase } from '@mosaic/testing';
import { startGraph, type GraphOptions, type RunningGraph } from '../start-graph';

/** The issuer and audience the test graph's tokens carry. */
export const TOKENS = { issuer: 'mosaic-accounts', audience: 'mosaic' };

export interface TestGraph extends RunningGraph {
  database: TestDatabase;
  /** The signing key the graph trusts (to mint tokens a client could not). */
  keys: { kid: string; privateKey: CryptoKey };
  /** A GraphQL request to the gateway, as a client sends it. */
  call: GraphQLCaller;
  signUp(email: string, password?: string): Promise<{ token: string; userId: string }>;
  /** How many live subscriptions the subgraphs hold on a pub/sub topic: publish once it is one, not after a sleep. */
  listeners(topic: string): number;
}

/** The all-in-one graph (gateway + every subgraph, real HTTP) on a fresh PostgreSQL database. */
// The stocks simulator's history warm-up is not what these tests are about; it would only compete for CPU.
process.env.STOCKS_SIM_WARMUP_DAYS ??= '0';

export async function startTestGraph(options: Partial<Pick<GraphOptions, 'onQuery' | 'production' | 'security' | 'events' | 'caching' | 'caches' | 'metering'>> = {}): Promise<TestGraph> {
  const database = await createTestDatabase();
  const signingKey = await generateSigningKey('e2e');
  const accountsPort = await freePort();
  const oauthIssuer = `http://127.0.0.1:${accountsPort}/oidc`;
  let counted: Map<string, number> = new Map();
  const graph = await startGraph({
    database: { kind: 'postgres', url: database.url, poolMax: 5 },
    log: testLogger,
    // The subgraphs read their settings from the environment: keys of the test's own, and the
    // OAuth issuer at the port accounts will listen on.
    env: { ...process.env, ACCOUNTS_SIGNING_KEYS: JSON.stringify([signingKey]), ACCOUNTS_FIELD_KEYS: JSON.stringify([generateFieldKey('e2e')]), OAUTH_ISSUER: oauthIssuer },
    auth: { ...TOKENS, oauthIssuer },
    gatewayPort: 0,
    subgraphPorts: 'random',
    ports: { accounts: accountsPort },
    observePubSub: (pubsub) => {
      const observed = withListenerCounts(pubsub);
      counted = observed.listeners;
      return observed;
    },
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
    keys: { kid: signingKey.kid!, privateKey: (await importJWK(signingKey, 'EdDSA')) as CryptoKey },
    call,
    async signUp(email, password = 'velvet-otter-lantern') {
      const result = await call(`mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`, {
        input: { email, password },
      });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return { token: result.data.register.accessToken, userId: result.data.register.user.id };
    },
    listeners: (topic) => counted.get(topic) ?? 0,
    close,
    [Symbol.asyncDispose]: close,
  };
}
