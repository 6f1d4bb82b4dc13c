import { createLocalJWKSet } from 'jose';
import { createTokenVerifier, createMemoryPubSub } from '@mosaic/kit';
import { createTestDatabase, graphql, serveModuleForTest, testLogger, type TestDatabase } from '@mosaic/testing';
import { accounts, generateSigningKey, loadSigningKeys } from '../src/index';

export const settings = { issuer: 'mosaic-accounts', audience: 'mosaic', accessTokenTtlSeconds: 900, refreshTokenTtlDays: 30 };

/** The accounts subgraph over real HTTP on a fresh database, with a movable clock. */
export async function startAccounts() {
  const database: TestDatabase = await createTestDatabase();
  const keys = await loadSigningKeys({ signingKeys: JSON.stringify([await generateSigningKey('k1')]), devKeysDir: '', production: true });
  const verifier = createTokenVerifier({ jwksUrl: 'local:', ...settings }, createLocalJWKSet(keys.jwks));
  const clock = { offsetMs: 0 };
  const served = await serveModuleForTest(accounts, {
    db: database.db(),
    verifier,
    log: testLogger,
    pubsub: createMemoryPubSub(),
    keys,
    tokenSettings: settings,
    now: () => new Date(Date.now() + clock.offsetMs),
  }, database.client);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    url: served.url,
    database,
    keys,
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
