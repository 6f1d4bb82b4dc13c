import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { join } from 'node:path';
import { createTokenVerifier, encodeId, readScopeCatalog, scopesForRoles, uuidv7, type TokenVerifier } from '@mosaic/kit';
import { repoRoot } from './repo-root';

export const TEST_ISSUER = 'mosaic-accounts';
export const TEST_AUDIENCE = 'mosaic';

/** The scopes accounts grants each role, as composed from every subgraph (`pnpm compose`). */
const scopeCatalog = readScopeCatalog(join(repoRoot, 'schema', 'scopes.json'));

export interface TokenOptions {
  roles?: string[];
  expiresInSeconds?: number;
  sessionId?: string;
  /** The organisation the token is switched to: accounts' `org_id` / `org_role` claims (raw id). */
  tenant?: { id: string; role: string };
}

export interface TestAuth {
  verifier: TokenVerifier;
  /** Mints an access token with the claims accounts puts in its tokens. */
  tokenFor(userId: string, options?: TokenOptions): Promise<string>;
  /** A new user id with its public (opaque) id and a token. */
  newUser(roles?: string[]): Promise<{ userId: string; publicId: string; token: string }>;
}

/**
 * A throwaway Ed25519 key pair and a verifier that trusts only it: subgraph tests authenticate
 * exactly as through accounts, without running accounts.
 */
export async function createTestAuth(): Promise<TestAuth> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'EdDSA', use: 'sig' }] };
  const verifier = createTokenVerifier({ jwksUrl: 'local:', issuer: TEST_ISSUER, audience: TEST_AUDIENCE }, createLocalJWKSet(jwks));
  const tokenFor: TestAuth['tokenFor'] = (userId, options = {}) => sign(privateKey, userId, options);
  return {
    verifier,
    tokenFor,
    async newUser(roles = ['user']) {
      const userId = uuidv7();
      return { userId, publicId: encodeId('User', userId), token: await tokenFor(userId, { roles }) };
    },
  };
}

async function sign(key: CryptoKey, userId: string, options: TokenOptions) {
  const roles = options.roles ?? ['user'];
  const now = Math.floor(Date.now() / 1000);
  const tenant = options.tenant ? { org_id: options.tenant.id, org_role: options.tenant.role } : {};
  return new SignJWT({ sid: options.sessionId ?? uuidv7(), roles, scope: scopesForRoles(scopeCatalog, roles).join(' '), ...tenant })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'test', typ: 'at+jwt' })
    .setSubject(userId)
    .setIssuer(TEST_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 900))
    .sign(key);
}
