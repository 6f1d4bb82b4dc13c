import { createLocalJWKSet } from 'jose';
import { createTokenVerifier, createMemoryPubSub, generateFieldKey, parseFieldKeys, type QueryObserver } from '@mosaic/kit';
import { createTestDatabase, freePort, graphql, serveModuleForTest, testLogger, type TestDatabase } from '@mosaic/testing';
import { accounts, generateSigningKey, loadSigningKeys, type IdentitySettings } from '../src/index';
import type { ExternalProviderConfig } from '../src/providers/oidc/external-provider';

/** Identity settings for a test: a throwaway field key, the OAuth issuer on `port`. */
export function testIdentity(port: number, externalProviders: ExternalProviderConfig[] = []): IdentitySettings {
  return {
    fieldKeys: parseFieldKeys(JSON.stringify([generateFieldKey('test')]), 'test'),
    oauthIssuer: `http://127.0.0.1:${port}/oidc`,
    twoFactorIssuer: 'Mosaic Test',
    trustedProxyHops: 0,
    externalProviders,
  };
}

export const settings = { issuer: 'mosaic-accounts', audience: 'mosaic', accessTokenTtlSeconds: 900, refreshTokenTtlDays: 30 };

/** The accounts subgraph over real HTTP on a fresh database, with a movable clock. */
export async function startAccounts(options: { externalProviders?: ExternalProviderConfig[]; onQuery?: QueryObserver } = {}) {
  const database: TestDatabase = await createTestDatabase();
  const keys = await loadSigningKeys({ signingKeys: JSON.stringify([await generateSigningKey('k1')]), devKeysDir: '', production: true });
  const port = await freePort();
  const identity = testIdentity(port, options.externalProviders);
  const verifier = createTokenVerifier({ jwksUrl: 'local:', ...settings, oauthIssuer: identity.oauthIssuer }, createLocalJWKSet(keys.jwks));
  const clock = { offsetMs: 0 };
  const served = await serveModuleForTest(accounts, {
    db: database.db(options.onQuery),
    verifier,
    log: testLogger,
    pubsub: createMemoryPubSub(),
    keys,
    tokenSettings: settings,
    identity,
    now: () => new Date(Date.now() + clock.offsetMs),
  }, { port });
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
    at,
    database,
    keys,
    identity,
    origin: `http://127.0.0.1:${port}`,
    clock,
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
