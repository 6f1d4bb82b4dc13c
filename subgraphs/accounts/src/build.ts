import { createFieldCipher, createSubgraph, logMailer, smtpMailer, deadLetterAdminResolvers, mergeResolvers, readScopeCatalog, routesHandler, type BuildDeps, type BuiltSubgraph } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { purgeExpired } from './data/purge-repo';
import { derivedKeys, loadIdentitySettings } from './domain/identity-settings';
import { loadSigningKeys } from './domain/signing-keys';
import type { TokenSettings } from './domain/tokens';
import type { AccountsSettings } from './env';
import { createOAuthServer } from './oauth/oauth-server';
import { sessionCookieRoutes } from './http/session-cookie';
import { tenancyEvents } from '@mosaic/tenancy/events';
import { accountEvents } from './events';
import { applyMembershipChange } from './domain/membership-projection';
import { accountsPolicies } from './policies';
import { openIdClientProvider } from './providers/oidc/openid-client-provider';
import { resolvers } from './resolvers';

/** Where the public keys that verify access tokens are published. */
export const JWKS_PATH = '/.well-known/jwks.json';

const PURGE_INTERVAL_MS = 15 * 60_000;

export async function buildSubgraph(deps: BuildDeps, settings: AccountsSettings): Promise<BuiltSubgraph> {
  const keys = await loadSigningKeys(settings.signingKeys);
  const scopeCatalog = readScopeCatalog(settings.scopeCatalogPath);
  const tokenSettings: TokenSettings = { ...settings.tokens, scopeCatalog };
  const identity = loadIdentitySettings(settings.identity);
  const fieldCipher = createFieldCipher(identity.fieldKeys);
  const externalProviders = identity.externalProviders.map(openIdClientProvider);
  const mailer = settings.mail.smtpUrl ? smtpMailer(settings.mail.smtpUrl, settings.mail.from) : logMailer(deps.log.child({ component: 'mail' }));
  const events = deps.events.outbox(accountEvents);
  // Who belongs to which organisation, for tenant claims in tokens (tenancy owns memberships).
  deps.events.on(tenancyEvents, 'membership.changed', applyMembershipChange, { group: 'organization-memberships' });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    policies: accountsPolicies,
    context: (base) => ({
      ...base,
      db: deps.db,
      keys,
      tokenSettings,
      fieldCipher,
      twoFactorIssuer: identity.twoFactorIssuer,
      externalProviders,
      mailer,
      signUpMode: settings.signUp,
      now: deps.now,
      events,
      loaders: createLoaders(deps.db, deps.now),
      signedIn: new Set(),
    }),
  });
  const oauth = createOAuthServer({
    settings: { issuer: identity.oauthIssuer, cookieKeys: derivedKeys(identity.fieldKeys, 'oauth-cookies'), trustedProxyHops: identity.trustedProxyHops },
    db: deps.db,
    // oidc-provider keeps its own (real) clock for token expiry; storage must agree with it.
    now: () => new Date(),
    log: deps.log.child({ component: 'oauth' }),
    fieldCipher,
    privateJwks: keys.privateJwks,
    scopeCatalog,
    audience: tokenSettings.audience,
    accessTokenTtlSeconds: tokenSettings.accessTokenTtlSeconds,
  });
  // The web app's refresh token as an httpOnly cookie (http/session-cookie.ts), beside the GraphQL mutations.
  const sessionCookie = sessionCookieRoutes({
    trustedProxyHops: identity.trustedProxyHops,
    context: (client) => ({ db: deps.db, loaders: createLoaders(deps.db, deps.now), keys, tokenSettings, now: deps.now, signedIn: new Set(), client, fieldCipher, signUpMode: settings.signUp, mailer, log: deps.log, events }),
  });
  // Every replica purges; the deletes are idempotent and cheap (indexed on expiry where it matters).
  const purge = setInterval(() => {
    purgeExpired(deps.db, new Date()).catch((error: unknown) => deps.log.warn({ err: error }, 'purging expired sign-in state failed'));
  }, PURGE_INTERVAL_MS);
  purge.unref();
  const jwks = JSON.stringify(keys.jwks);
  return {
    subgraph,
    tokenKeys: keys.jwks,
    close: async () => {
      clearInterval(purge);
      mailer.close();
    },
    // The authorization server and its login/consent pages are public (deployment.publicPaths): the
    // ingress routes them here, and the all-in-one gateway's port serves them too.
    publicHttp: routesHandler({ ...oauth.routes, ...sessionCookie }),
    routes: {
      // Public keys that verify access tokens; caches may keep them for 10 minutes.
      [JWKS_PATH]: async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=600' });
        res.end(jwks);
      },
      ...oauth.routes,
      ...sessionCookie,
    },
  };
}
