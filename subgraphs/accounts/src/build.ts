import { createFieldCipher, createSubgraph, loadTypeDefs, type BuiltSubgraph, type SubgraphDeps } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { purgeExpired } from './data/purge-repo';
import { derivedKeys, type IdentitySettings } from './domain/identity-settings';
import type { SigningKeys } from './domain/signing-keys';
import type { TokenSettings } from './domain/tokens';
import { createOAuthServer } from './oauth/oauth-server';
import { accountsPolicies } from './policies';
import { openIdClientProvider } from './providers/oidc/openid-client-provider';
import { resolvers } from './resolvers';

export const typeDefs = loadTypeDefs(new URL('./schema.graphql', import.meta.url));

const PURGE_INTERVAL_MS = 15 * 60_000;

export interface AccountsDeps extends SubgraphDeps {
  keys: SigningKeys;
  tokenSettings: TokenSettings;
  identity: IdentitySettings;
  now?: () => Date;
}

export function buildSubgraph(deps: AccountsDeps): BuiltSubgraph {
  const now = deps.now ?? (() => new Date());
  const fieldCipher = createFieldCipher(deps.identity.fieldKeys);
  const externalProviders = deps.identity.externalProviders.map(openIdClientProvider);
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
      fieldCipher,
      twoFactorIssuer: deps.identity.twoFactorIssuer,
      externalProviders,
      now,
      loaders: createLoaders(deps.db, now),
      signedIn: new Set(),
    }),
  });
  const oauth = createOAuthServer({
    settings: { issuer: deps.identity.oauthIssuer, cookieKeys: derivedKeys(deps.identity.fieldKeys, 'oauth-cookies'), trustedProxyHops: deps.identity.trustedProxyHops },
    db: deps.db,
    // oidc-provider keeps its own (real) clock for token expiry; storage must agree with it.
    now: () => new Date(),
    log: deps.log.child({ component: 'oauth' }),
    fieldCipher,
    privateJwks: deps.keys.privateJwks,
    audience: deps.tokenSettings.audience,
    accessTokenTtlSeconds: deps.tokenSettings.accessTokenTtlSeconds,
  });
  const jwks = JSON.stringify(deps.keys.jwks);
  // Every replica purges; the deletes are idempotent and cheap (indexed on expiry where it matters).
  const purge = setInterval(() => {
    purgeExpired(deps.db, new Date()).catch((error: unknown) => deps.log.warn({ err: error }, 'purging expired sign-in state failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  return {
    subgraph,
    close: async () => clearInterval(purge),
    routes: {
      // Public keys that verify access tokens; caches may keep them for 10 minutes.
      '/.well-known/jwks.json': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=600' });
        res.end(jwks);
      },
      ...oauth.routes,
    },
  };
}
