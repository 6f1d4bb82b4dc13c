import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import type { Db, FieldCipher, Logger, Routes, ScopeCatalog } from '@mosaic/kit';
import { findUsersByIds } from '../data/users-repo';
import { hashOpaqueToken } from '../domain/tokens';
import { postgresAdapter } from './adapter';
import { interactionHandler } from './interactions';
import { mayAuthorize, ORGANIZATION_METADATA, organizationClaims } from './organization-apps';
import { errorPage, renderPage } from './pages';
import { apiScopesOf, GRAPH_RESOURCE } from './scopes';
import { INTERACTION_PATH, OAUTH_MOUNT } from './oauth-path';

export interface OAuthServerSettings {
  /** The issuer URL, ending in the mount path, e.g. `http://localhost:4001/oidc`. */
  issuer: string;
  /** Keys for the provider's cookies and the forms' CSRF tokens (first signs). */
  cookieKeys: readonly string[];
  /** Proxies (ingress, TLS offloader) in front of accounts' public routes; 0 = browsers connect directly. */
  trustedProxyHops: number;
}

export interface OAuthServerDeps {
  settings: OAuthServerSettings;
  db: Db;
  now: () => Date;
  log: Logger;
  fieldCipher: FieldCipher;
  /** The signing keys of first-party tokens: one JWKS for every token accounts issues. */
  privateJwks: readonly JWK[];
  /** Every scope the subgraphs declare, with the roles that hold it. */
  scopeCatalog: ScopeCatalog;
  /** `aud` of access tokens for the graph (JWT_AUDIENCE), so every subgraph accepts them. */
  audience: string;
  accessTokenTtlSeconds: number;
}


/**
 * OAuth 2.0 / OpenID Connect authorization server: panva's certified `oidc-provider`, mounted in
 * accounts' HTTP server at /oidc (endpoints: discovery, authorization, token, revocation,
 * introspection, userinfo, JWKS), with the login/consent pages at /interaction.
 *
 * - Authorization code with PKCE (required for every client, public or confidential), client
 *   credentials, refresh tokens rotated on every use (reuse revokes the grant), RFC 7009
 *   revocation, RFC 7662 introspection, ID tokens.
 * - Access tokens for the graph are RFC 9068 JWTs (`typ: at+jwt`, `aud` = JWT_AUDIENCE) signed
 *   with accounts' own key, so the gateway and every subgraph verify them with the same JWKS.
 *   Being self-contained, they cannot be revoked early: they live ACCESS_TOKEN_TTL_SECONDS.
 */
export function createOAuthServer(deps: OAuthServerDeps): { provider: Provider; routes: Routes } {
  const { settings, db } = deps;
  const apiScopes = apiScopesOf(deps.scopeCatalog);
  const configuration: Configuration = {
    adapter: postgresAdapter(db, deps.now, apiScopes),
    clients: [],
    jwks: { keys: deps.privateJwks.map((jwk) => ({ ...jwk })) as NonNullable<Configuration['jwks']>['keys'] },
    async findAccount(_ctx, sub) {
      const [user] = await findUsersByIds(db, [sub]);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: () => ({ sub: user.id, name: user.displayName, email: user.email, email_verified: false }),
      };
    },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    // An organisation's app (oauth_clients.organization_id): see organization-apps.ts.
    extraClientMetadata: { properties: [ORGANIZATION_METADATA] },
    extraTokenClaims: (ctx, token) => organizationClaims(db, ctx.oidc.client, 'accountId' in token ? token.accountId : undefined),
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? (ctx.oidc.client ? ctx.oidc.session?.grantIdFor(ctx.oidc.client.clientId) : undefined);
      if (!grantId) return undefined;
      // A grant of an organisation's app is honoured only while the user is its member: otherwise consent is asked again, and refused.
      const accountId = ctx.oidc.session?.accountId;
      if (accountId && !(await mayAuthorize(db, ctx.oidc.client, accountId))) return undefined;
      return ctx.oidc.provider.Grant.find(grantId);
    },
    // Advertised, and what a client's registered `scope` may list; API scopes land in the graph's access tokens.
    scopes: ['openid', 'offline_access', 'email', ...apiScopes],
    clientDefaults: { id_token_signed_response_alg: 'EdDSA', grant_types: ['authorization_code'], response_types: ['code'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => GRAPH_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== GRAPH_RESOURCE) throw new errors.InvalidTarget(`The only resource is ${GRAPH_RESOURCE}.`);
          return {
            scope: apiScopes.join(' '),
            audience: deps.audience,
            accessTokenTTL: deps.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'EdDSA' } },
          };
        },
      },
    },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: deps.accessTokenTtlSeconds,
      ClientCredentials: deps.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 30 * 86_400,
      Grant: 365 * 86_400,
      Session: 14 * 86_400,
      Interaction: 15 * 60,
    },
    cookies: {
      keys: [...settings.cookieKeys],
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async renderError(ctx: KoaContextWithOIDC, out) {
      ctx.type = 'html';
      ctx.body = renderErrorHtml(String(out.error ?? 'error'), String(out.error_description ?? 'The request could not be completed.'));
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  // Client secrets are stored as SHA-256 hashes (shown once at registration): compare hashes.
  (provider.Client.prototype as unknown as { compareClientSecret(this: { clientSecret?: string }, actual: string): Promise<boolean> }).compareClientSecret =
    async function compareHashedSecret(actual) {
      if (!this.clientSecret || typeof actual !== 'string') return false;
      const expected = Buffer.from(this.clientSecret);
      const given = Buffer.from(hashOpaqueToken(actual));
      return expected.length === given.length && timingSafeEqual(expected, given);
    };
  // Behind a TLS-offloading ingress, URLs must be built from X-Forwarded-Proto/Host.
  provider.proxy = settings.trustedProxyHops > 0;
  provider.on('server_error', (_ctx, error) => deps.log.error({ err: error }, 'oauth server error'));

  const callback = provider.callback();
  const mounted = async (req: IncomingMessage, res: ServerResponse) => {
    // oidc-provider derives its mount path from originalUrl vs url (as under express.use).
    const original = req.url ?? '/';
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
    req.url = original.slice(OAUTH_MOUNT.length) || '/';
    await callback(req, res);
  };
  const interactions = interactionHandler({ provider, db, now: deps.now, fieldCipher: deps.fieldCipher, formKeys: settings.cookieKeys, trustedProxyHops: settings.trustedProxyHops, scopeCatalog: deps.scopeCatalog, log: deps.log });
  return {
    provider,
    routes: {
      [`${OAUTH_MOUNT}/*`]: mounted,
      [`${INTERACTION_PATH}/*`]: interactions,
    },
  };
}

function renderErrorHtml(error: string, description: string): string {
  return renderPage(errorPage('The app sent an invalid request', `${error}: ${description}`));
}
