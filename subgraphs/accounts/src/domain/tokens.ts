import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { scopesForRoles, type ScopeCatalog } from '@mosaic/kit';
import type { SigningKeys } from './signing-keys';

export interface TokenSettings {
  issuer: string;
  audience: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Which scopes each role holds, as every subgraph declared them. */
  scopeCatalog: ScopeCatalog;
}

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  roles: readonly string[];
}

/** Short-lived EdDSA access token; scopes are derived from roles (the scope catalog) at issue time. */
export async function signAccessToken(keys: SigningKeys, settings: TokenSettings, claims: AccessTokenClaims, now: Date) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + settings.accessTokenTtlSeconds;
  const token = await new SignJWT({ sid: claims.sessionId, roles: [...claims.roles], scope: scopesForRoles(settings.scopeCatalog, claims.roles).join(' ') })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.kid, typ: 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keys.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/** 256 random bits; only the SHA-256 is stored, so a database leak yields no usable token. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
