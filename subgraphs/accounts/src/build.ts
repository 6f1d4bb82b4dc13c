import { createSubgraph, loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import type { SigningKeys } from './domain/signing-keys';
import type { TokenSettings } from './domain/tokens';
import { accountEvents } from './events';
import { accountsPolicies } from './policies';
import { resolvers } from './resolvers';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

export interface AccountsDeps extends SubgraphDeps {
  keys: SigningKeys;
  tokenSettings: TokenSettings;
  now?: () => Date;
}

export function buildSubgraph(deps: AccountsDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  const events = deps.events.outbox(accountEvents);
  const subgraph = createSubgraph<Context>({
    name: 'accounts',
    typeDefs,
    resolvers,
    verifier: deps.verifier,
    log: deps.log,
    policies: accountsPolicies,
    context: (base) => ({
      ...base,
      db: deps.db,
      keys: deps.keys,
      tokenSettings: deps.tokenSettings,
      now,
      events,
      loaders: createLoaders(deps.db),
      signedIn: new Set(),
    }),
  });
  const jwks = JSON.stringify(deps.keys.jwks);
  return {
    subgraph,
    routes: {
      // Public keys that verify access tokens; caches may keep them for 10 minutes.
      '/.well-known/jwks.json': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=600' });
        res.end(jwks);
      },
    },
  };
}
