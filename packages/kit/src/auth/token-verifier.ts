import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthVerifyConfig } from '../env/models';
import { createTokenKeySet } from './token-keys';
import { UnauthenticatedError } from '../errors/errors';
import type { Principal, ServicePrincipal, TenantMembership, Viewer } from './viewer';

/** Verified tokens remembered per process (oldest forgotten first). */
const VERIFIED_CACHE_SIZE = 10_000;

/** Access tokens are signed by accounts with an asymmetric key; nothing else is accepted. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'];

export interface TokenVerifier {
  /** A user's token (first-party or a third-party app's); a service token is refused. */
  verify(token: string): Promise<Viewer>;
  /** Any access token: a user's, or a service principal's (OAuth client credentials). */
  verifyPrincipal(token: string): Promise<Principal>;
  /**
   * Reads `Authorization: Bearer …`; no header → anonymous (null); a bad token → UNAUTHENTICATED;
   * a valid service token → null too (it speaks for no user; see `principalFromHeader`).
   */
  viewerFromHeader(authorization: string | undefined | null): Promise<Viewer | null>;
  principalFromHeader(authorization: string | undefined | null): Promise<Principal | null>;
}

/**
 * Verifies the access tokens accounts issues, of two kinds signed by the same keys (one JWKS):
 * - first-party tokens (login, refresh): `iss` = JWT_ISSUER, with `sid`, `roles`, `scope`, `amr`,
 *   `auth_time`;
 * - OAuth 2.0 tokens issued to third-party apps by accounts' authorization server (RFC 9068
 *   profile): `iss` = OAUTH_ISSUER, `client_id`, `scope` = what the user granted. A token whose
 *   `sub` is its `client_id` comes from the client-credentials grant: a service principal.
 * Both must be `typ: at+jwt` for JWT_AUDIENCE, so an ID token (audience = the app) never passes.
 *
 * Verifies with `keys` (see token-keys.ts), or the JWKS published at `config.jwksUrl`.
 */
export function createTokenVerifier(config: Omit<AuthVerifyConfig, 'jwksUrl'> & { jwksUrl?: string }, keys?: JWTVerifyGetKey): TokenVerifier {
  const keySet = keys ?? createTokenKeySet(config.jwksUrl).getKey;
  const issuers = config.oauthIssuer ? [config.issuer, config.oauthIssuer] : [config.issuer];

  // Every service in a request's path verifies the same token (the gateway, then each subgraph; in
  // all-in-one mode in one process): a verified token is remembered until it expires.
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();

  async function verifyPrincipal(token: string): Promise<Principal> {
    const remembered = verified.get(token);
    if (remembered && remembered.expiresAt > Date.now()) return remembered.principal;
    const fresh = await verifyUncached(token);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, fresh);
    return fresh.principal;
  }

  async function verifyUncached(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        issuer: issuers,
        audience: config.audience,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new UnauthenticatedError('Your access token has expired. Call refreshSession with your refresh token for a new one.');
      }
      if (error instanceof joseErrors.JOSEError) {
        throw new UnauthenticatedError('Your access token is not valid. Sign in again to get a new one.');
      }
      throw error;
    }
    const principal = payload.iss === config.issuer ? firstPartyPrincipal(payload) : oauthPrincipal(payload);
    return { principal, expiresAt: (payload.exp as number) * 1000 };
  }

  const bearer = (authorization: string) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <access token>".');
    return match[1];
  };

  return {
    async verify(token) {
      const principal = await verifyPrincipal(token);
      if (principal.kind === 'service') throw new UnauthenticatedError('This is an app\'s own (client-credentials) token; it does not speak for a user.');
      return principal.viewer;
    },
    verifyPrincipal,
    async viewerFromHeader(authorization) {
      if (!authorization) return null;
      const principal = await verifyPrincipal(bearer(authorization));
      return principal.kind === 'user' ? principal.viewer : null;
    },
    async principalFromHeader(authorization) {
      if (!authorization) return null;
      return verifyPrincipal(bearer(authorization));
    },
  };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const scopesOf = (payload: JWTPayload) => new Set((typeof payload.scope === 'string' ? payload.scope : '').split(' ').filter(Boolean));
const authTimeOf = (payload: JWTPayload) => (typeof payload.auth_time === 'number' ? payload.auth_time : undefined);

function firstPartyPrincipal(payload: JWTPayload): Principal {
  if (typeof payload.sid !== 'string') throw new UnauthenticatedError('Your access token is not valid. Sign in again to get a new one.');
  const viewer: Viewer = {
    userId: payload.sub as string,
    sessionId: payload.sid,
    roles: strings(payload.roles),
    scopes: scopesOf(payload),
    amr: strings(payload.amr),
    authTime: authTimeOf(payload),
    tenant: tenantOf(payload),
  };
  return { kind: 'user', viewer };
}

/** `org_id` and `org_role` come together or not at all; one without the other is a malformed token. */
function tenantOf(payload: JWTPayload): TenantMembership | undefined {
  const { org_id: id, org_role: role } = payload;
  if (id === undefined && role === undefined) return undefined;
  if (typeof id !== 'string' || typeof role !== 'string' || !id || !role) throw new UnauthenticatedError('Your access token is not valid. Sign in again to get a new one.');
  return { id, role };
}

/** An app's token never carries the user's roles: it may do exactly what its scopes allow. */
function oauthPrincipal(payload: JWTPayload): Principal {
  const clientId = payload.client_id;
  if (typeof clientId !== 'string') throw new UnauthenticatedError('Your access token is not valid. Sign in again to get a new one.');
  if (payload.sub === clientId) {
    const service: ServicePrincipal = { clientId, scopes: scopesOf(payload) };
    return { kind: 'service', service };
  }
  const viewer: Viewer = {
    userId: payload.sub as string,
    sessionId: `oauth:${clientId}`,
    roles: [],
    scopes: scopesOf(payload),
    clientId,
    amr: strings(payload.amr),
    authTime: authTimeOf(payload),
    // An organisation's app acts in that organisation only (accounts puts org_id/org_role in its tokens).
    tenant: tenantOf(payload),
  };
  return { kind: 'user', viewer };
}
