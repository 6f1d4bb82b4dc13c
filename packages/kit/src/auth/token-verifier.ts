import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthVerifyConfig } from '../env/models';
import { createTokenKeySet } from './token-keys';
import { UnauthenticatedError } from '../errors/errors';
import type { Viewer } from './viewer';

/** Verified tokens remembered per process (oldest forgotten first). */
const VERIFIED_CACHE_SIZE = 10_000;

/** Access tokens are signed by accounts with an asymmetric key; nothing else is accepted. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'];

export interface TokenVerifier {
  verify(token: string): Promise<Viewer>;
  /** Reads `Authorization: Bearer …`; no header → anonymous (null); a bad token → UNAUTHENTICATED. */
  viewerFromHeader(authorization: string | undefined | null): Promise<Viewer | null>;
}

/** Verifies with `keys` (see token-keys.ts), or the JWKS published at `config.jwksUrl`. */
export function createTokenVerifier(config: Omit<AuthVerifyConfig, 'jwksUrl'> & { jwksUrl?: string }, keys?: JWTVerifyGetKey): TokenVerifier {
  const keySet = keys ?? createTokenKeySet(config.jwksUrl).getKey;

  // Every service in a request's path verifies the same token (the gateway, then each subgraph; in
  // all-in-one mode in one process): a verified token is remembered until it expires.
  const verified = new Map<string, { viewer: Viewer; expiresAt: number }>();

  async function verify(token: string): Promise<Viewer> {
    const remembered = verified.get(token);
    if (remembered && remembered.expiresAt > Date.now()) return remembered.viewer;
    const viewer = await verifyUncached(token);
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, { viewer: viewer.viewer, expiresAt: viewer.expiresAt });
    return viewer.viewer;
  }

  async function verifyUncached(token: string): Promise<{ viewer: Viewer; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        algorithms: ACCESS_TOKEN_ALGORITHMS,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
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
    return { viewer: viewerFromClaims(payload), expiresAt: (payload.exp as number) * 1000 };
  }

  return {
    verify,
    async viewerFromHeader(authorization) {
      if (!authorization) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <access token>".');
      return verify(match[1]);
    },
  };
}

function viewerFromClaims(payload: JWTPayload): Viewer {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return {
    userId: payload.sub as string,
    sessionId: String(payload.sid),
    roles,
    scopes: new Set(scope.split(' ').filter(Boolean)),
  };
}
