import { createTokenKeySet, createTokenVerifier, generateSigningKey } from '@mosaic/kit';
import { createTestDatabase, graphql, serveModuleForTest, type TestDatabase } from '@mosaic/testing';
import { importJWK, type CryptoKey } from 'jose';
import accounts from '../src/index';

export const settings = { issuer: 'mosaic-accounts', audience: 'mosaic' };

/** The accounts subgraph over real HTTP on a fresh database, with its own signing key and a movable clock. */
export async function startAccounts() {
  const database: TestDatabase = await createTestDatabase();
  const signingKey = await generateSigningKey('k1');
  const keys = createTokenKeySet();
  const verifier = createTokenVerifier(settings, keys.getKey);
  const clock = { offsetMs: 0 };
  const served = await serveModuleForTest(
    accounts,
    { db: database.db(), verifier, now: () => new Date(Date.now() + clock.offsetMs) },
    { ACCOUNTS_SIGNING_KEYS: JSON.stringify([signingKey]) },
  );
  keys.trust(served.built.tokenKeys!);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    url: served.url,
    database,
    /** The private key tokens are signed with, to forge tokens with chosen claims. */
    privateKey: (await importJWK(signingKey, 'EdDSA')) as CryptoKey,
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
