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
  /** The session's last interactive authentication: when, and how (RFC 8176 `amr` values). */
  authTime: Date;
  amr: readonly string[];
  /** The organisation the session is switched to and the user's role there (membership checked by the caller). */
  tenant?: { id: string; role: string } | undefined;
}

/**
 * Short-lived EdDSA access token; scopes are derived from roles (the scope catalog) at issue time. `auth_time` and
 * `amr` let a subgraph demand a recent second factor (kit's requireRecentSecondFactor).
 */
export async function signAccessToken(keys: SigningKeys, settings: TokenSettings, claims: AccessTokenClaims, now: Date) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + settings.accessTokenTtlSeconds;
  const token = await new SignJWT({
    sid: claims.sessionId,
    roles: [...claims.roles],
    scope: scopesForRoles(settings.scopeCatalog, claims.roles).join(' '),
    amr: [...claims.amr],
    auth_time: Math.floor(claims.authTime.getTime() / 1000),
    // The tenant claims (raw organisation id, role there): kit's verifier reads them into viewer.tenant.
    ...(claims.tenant ? { org_id: claims.tenant.id, org_role: claims.tenant.role } : {}),
  })
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
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** For high-entropy random tokens (refresh tokens, challenges, client secrets) a plain SHA-256 suffices. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const newRefreshToken = newOpaqueToken;
export const hashRefreshToken = hashOpaqueToken;
