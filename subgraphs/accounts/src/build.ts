import { createSubgraph, readScopeCatalog, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { loadSigningKeys } from './domain/signing-keys';
import type { TokenSettings } from './domain/tokens';
import type { AccountsSettings } from './env';
import { accountsPolicies } from './policies';
import { resolvers } from './resolvers';

/** Where the public keys that verify access tokens are published. */
export const JWKS_PATH = '/.well-known/jwks.json';

export async function buildSubgraph(deps: BuildDeps, settings: AccountsSettings): Promise<BuiltSubgraph> {
  const keys = await loadSigningKeys(settings.signingKeys);
  const tokenSettings: TokenSettings = { ...settings.tokens, scopeCatalog: readScopeCatalog(settings.scopeCatalogPath) };
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    policies: accountsPolicies,
    context: (base) => ({
      ...base,
      db: deps.db,
      keys,
      tokenSettings,
      now: deps.now,
      loaders: createLoaders(deps.db),
      signedIn: new Set(),
    }),
  });
  const jwks = JSON.stringify(keys.jwks);
  return {
    subgraph,
    tokenKeys: keys.jwks,
    routes: {
      // Public keys that verify access tokens; caches may keep them for 10 minutes.
      [JWKS_PATH]: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=600' });
        res.end(jwks);
      },
    },
  };
}
