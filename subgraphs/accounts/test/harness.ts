import { createTokenKeySet, createTokenVerifier, freePort, generateFieldKey, generateSigningKey, type QueryObserver } from '@mosaic/kit';
import { createTestDatabase, graphql, serveModuleForTest, type TestDatabase } from '@mosaic/testing';
import { importJWK, type CryptoKey } from 'jose';
import accounts from '../src/index';
import type { ExternalProviderConfig } from '../src/providers/oidc/external-provider';

export const settings = { issuer: 'mosaic-accounts', audience: 'mosaic' };

/**
 * The accounts subgraph over real HTTP on a fresh database, with its own signing and field keys, its
 * OAuth server's issuer at its own port, and a movable clock.
 */
export async function startAccounts(options: { externalProviders?: ExternalProviderConfig[]; onQuery?: QueryObserver; env?: Record<string, string> } = {}) {
  const database: TestDatabase = await createTestDatabase();
  const signingKey = await generateSigningKey('k1');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const oauthIssuer = `${origin}/oidc`;
  const fieldKeys = JSON.stringify([generateFieldKey('test')]);
  const keys = createTokenKeySet();
  const verifier = createTokenVerifier({ ...settings, oauthIssuer }, keys.getKey);
  const clock = { offsetMs: 0 };
  const served = await serveModuleForTest(
    accounts,
    { db: database.db(options.onQuery), client: database.client, verifier, now: () => new Date(Date.now() + clock.offsetMs) },
    {
      ACCOUNTS_SIGNING_KEYS: JSON.stringify([signingKey]),
      ACCOUNTS_FIELD_KEYS: fieldKeys,
      OAUTH_ISSUER: oauthIssuer,
      TWO_FACTOR_ISSUER: 'Mosaic Test',
      ...(options.externalProviders ? { EXTERNAL_OIDC_PROVIDERS: JSON.stringify(options.externalProviders) } : {}),
      ...options.env,
    },
    { port },
  );
  keys.trust(served.built.tokenKeys!);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string, headers?: Record<string, string>) =>
    graphql(served.url, query, variables, { token, ...(headers ? { headers } : {}) });
  /** Runs `run` with accounts' clock moved by `offsetMs`, then puts it back. */
  async function at<T>(offsetMs: number, run: () => Promise<T>): Promise<T> {
    clock.offsetMs = offsetMs;
    try {
      return await run();
    } finally {
      clock.offsetMs = 0;
    }
  }
  return {
    url: served.url,
    /** Where browsers reach accounts' OAuth pages, and the issuer under it. */
    origin,
    oauthIssuer,
    database,
    /** The private key tokens are signed with, to forge tokens with chosen claims. */
    privateKey: (await importJWK(signingKey, 'EdDSA')) as CryptoKey,
    /** ACCOUNTS_FIELD_KEYS as configured (key rotation tests). */
    fieldKeys,
    /** The public keys, for verifiers built in tests. */
    jwks: served.built.tokenKeys!,
    clock,
    at,
    call,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email displayName roles } }
}`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id email } } }`;
export const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
export const ME = `{ me { id email displayName roles } }`;
