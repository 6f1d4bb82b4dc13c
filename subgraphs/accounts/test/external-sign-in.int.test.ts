import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { errorCodes, freePort } from '@mosaic/testing';
import { LOGIN, REGISTER, startAccounts } from './harness';
import { BrowserlessUser } from '@mosaic/testing';

/**
 * A second oidc-provider instance plays "Google": a real OpenID Connect provider on loopback
 * that signs users in without a page (the identity it returns is set by each test).
 */
let google: { issuer: string; server: Server };
let app: Awaited<ReturnType<typeof startAccounts>>;
let identity: { sub: string; email: string; email_verified: boolean; name: string };
const CALLBACK = 'http://localhost:8766/signed-in/google';

async function startGoogle() {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'mosaic-accounts', client_secret: 'google-client-secret', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'google-1', alg: 'RS256', use: 'sig' }] as never },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: () => ({ ...identity, sub }) }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  // No login page: whoever `identity` names is signed in and consents at once.
  const callback = provider.callback();
  const server = (await import('node:http')).createServer(async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') return provider.interactionFinished(req, res, { login: { accountId: identity.sub } });
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { issuer, server };
}

beforeAll(async () => {
  google = await startGoogle();
  app = await startAccounts({
    externalProviders: [{ id: 'google', name: 'Google', issuer: google.issuer, clientId: 'mosaic-accounts', clientSecret: 'google-client-secret', redirectUris: [CALLBACK] }],
  });
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => google.server.close(resolve));
});

const BEGIN = `mutation($provider: String!, $redirectUri: String!) { beginExternalSignIn(provider: $provider, redirectUri: $redirectUri) { authorizationUrl expiresAt } }`;
const COMPLETE = `mutation($input: CompleteExternalSignInInput!) { completeExternalSignIn(input: $input) { accessToken user { id email displayName } } }`;
let n = 0;

/** The browser's trip: Mosaic → Google → back to the app's callback page, whose URL is returned. */
async function throughGoogle(): Promise<string> {
  const begun = await app.call(BEGIN, { provider: 'google', redirectUri: CALLBACK });
  expect(begun.errors).toBeUndefined();
  const url = new URL(begun.data!.beginExternalSignIn.authorizationUrl);
  expect(url.origin).toBe(google.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  const browser = new BrowserlessUser(google.issuer);
  const trip = await browser.follow(await browser.request(url.toString()));
  expect(trip.redirectedTo?.startsWith(CALLBACK)).toBe(true);
  return trip.redirectedTo!;
}

const someone = (overrides: Partial<typeof identity> = {}) => {
  n += 1;
  identity = { sub: `google-${n}-${Date.now()}`, email: `External.${n}.${Date.now()}@Gmail.example`, email_verified: true, name: `Grace ${n}`, ...overrides };
  return identity;
};

describe('sign-in with an external OpenID Connect provider', () => {
  it('lists the configured providers', async () => {
    expect((await app.call(`{ externalIdentityProviders { id name } }`)).data).toEqual({ externalIdentityProviders: [{ id: 'google', name: 'Google' }] });
  });

  it('creates an account for a new verified email, and signs the same person in again later', async () => {
    const person = someone();
    const first = await app.call(COMPLETE, { input: { provider: 'google', callbackUrl: await throughGoogle() } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.completeExternalSignIn.user).toMatchObject({ email: person.email.toLowerCase(), displayName: person.name });
    expect(decodeJwt(first.data!.completeExternalSignIn.accessToken).amr).toEqual(['fed']);
    identity = { ...person, email: 'changed-at-google@example.com' };
    const again = await app.call(COMPLETE, { input: { provider: 'google', callbackUrl: await throughGoogle() } });
    expect(again.data!.completeExternalSignIn.user.id).toBe(first.data!.completeExternalSignIn.user.id);
  });

  it('links to an existing account by verified email', async () => {
    const person = someone();
    const registered = (await app.call(REGISTER, { input: { email: person.email.toLowerCase(), password: 'velvet-otter-lantern' } })).data!.register;
    const signedIn = await app.call(COMPLETE, { input: { provider: 'google', callbackUrl: await throughGoogle() } });
    expect(signedIn.data!.completeExternalSignIn.user.id).toBe(registered.user.id);
  });

  it('refuses an unverified email and creates nothing', async () => {
    const person = someone({ email_verified: false });
    const result = await app.call(COMPLETE, { input: { provider: 'google', callbackUrl: await throughGoogle() } });
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(LOGIN, { input: { email: person.email, password: 'anything-at-all' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('uses each sign-in once, refuses a forged code, an unknown provider and an unregistered redirect URI', async () => {
    someone();
    const callbackUrl = await throughGoogle();
    expect((await app.call(COMPLETE, { input: { provider: 'google', callbackUrl } })).errors).toBeUndefined();
    expect(errorCodes(await app.call(COMPLETE, { input: { provider: 'google', callbackUrl } }))).toEqual(['UNAUTHENTICATED']);

    const forged = new URL(await throughGoogle());
    forged.searchParams.set('code', 'forged-code');
    expect(errorCodes(await app.call(COMPLETE, { input: { provider: 'google', callbackUrl: forged.toString() } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await app.call(BEGIN, { provider: 'github', redirectUri: CALLBACK }))).toEqual(['BAD_USER_INPUT']);
    const wrongRedirect = await app.call(BEGIN, { provider: 'google', redirectUri: 'https://evil.example/cb' });
    expect(errorCodes(wrongRedirect)).toEqual(['BAD_USER_INPUT']);
    expect(wrongRedirect.errors![0]!.extensions!.field).toBe('redirectUri');
  });
});
