import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import { createTokenVerifier } from '@mosaic/kit';
import { oauthClients } from '../src/data/tables';
import { grantRole, totpCodeAt } from '../src/index';
import { LOGIN, REGISTER, settings, startAccounts } from './harness';
import { authorizeAsUser, authorizeUrl, BrowserlessUser, errorCodes, formAction, newPkce, StatementCounter, tokenRequest, type AuthorizeOptions } from '@mosaic/testing';

const counter = new StatementCounter();
let app: Awaited<ReturnType<typeof startAccounts>>;
let issuer: string;
let adminToken: string;
beforeAll(async () => {
  app = await startAccounts({ onQuery: counter.observe });
  issuer = app.oauthIssuer;
  await app.call(REGISTER, { input: { email: 'oauth-admin@example.com', password } });
  await grantRole(app.database.db(), 'oauth-admin@example.com', 'admin');
  adminToken = (await app.call(LOGIN, { input: { email: 'oauth-admin@example.com', password } })).data!.login.accessToken;
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
const REDIRECT = 'http://localhost:8765/callback';
let n = 0;
const freshEmail = () => `oauth${++n}.${Date.now()}@example.com`;

const REGISTER_CLIENT = `mutation($input: RegisterOAuthClientInput!) {
  registerOAuthClient(input: $input) { clientSecret client { id name confidential redirectUris scopes grantTypes } }
}`;

async function registerClient(input: Partial<{ name: string; redirectUris: string[]; scopes: string[]; grantTypes: string[]; confidential: boolean }> = {}) {
  const result = await app.call(
    REGISTER_CLIENT,
    { input: { name: 'Todo Widget', redirectUris: [REDIRECT], scopes: ['profile', 'todos:read'], grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], confidential: true, ...input } },
    adminToken,
  );
  expect(result.errors).toBeUndefined();
  const { client, clientSecret } = result.data!.registerOAuthClient;
  return { id: client.id as string, secret: clientSecret as string | null };
}

async function newUser() {
  const email = freshEmail();
  const session = (await app.call(REGISTER, { input: { email, password } })).data!.register;
  return { email, token: session.accessToken as string };
}

/** The user's browser through login (and the code step when 2FA is on) and consent; returns where the app is sent. */
const authorize = (options: AuthorizeOptions, who: { email: string; totpSecret?: string }, consent: 'allow' | 'deny' = 'allow') =>
  authorizeAsUser(app.origin, issuer, options, { email: who.email, password, ...(who.totpSecret ? { code: () => totpCodeAt(who.totpSecret!, new Date(Date.now() + 30_000)) } : {}) }, consent);

const verifier = () => createTokenVerifier({ jwksUrl: 'local:', ...settings, oauthIssuer: issuer }, createLocalJWKSet(app.jwks));

describe('discovery and keys', () => {
  it('publishes OpenID Connect discovery with PKCE S256 and one JWKS shared with first-party tokens', async () => {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/token/revocation`,
      introspection_endpoint: `${issuer}/token/introspection`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(['k1']);
    expect(jwks.keys[0]!.d).toBeUndefined();
  });
});

describe('client registration (admins, GraphQL)', () => {
  it('shows the secret once and stores only its hash', async () => {
    const { id, secret } = await registerClient();
    expect(id).toMatch(/^mosaic_/);
    expect(secret).toMatch(/^[\w-]{43}$/);
    const rows = await app.database.db().select().from(oauthClients);
    expect(rows.find((r) => r.id === id)!.secretHash).not.toBe(secret);
    const listed = await app.call(`{ oauthClients { edges { node { id name confidential grantTypes } } } }`, {}, adminToken);
    expect(listed.data!.oauthClients.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
  });

  it.each([
    ['a redirect URI on plain http off this machine', { redirectUris: ['http://evil.example/cb'] }, 'input.redirectUris.0'],
    ['a redirect URI with a fragment', { redirectUris: ['https://app.example/cb#x'] }, 'input.redirectUris.0'],
    ['a scope that does not exist', { scopes: ['todos:read', 'bank:transfer'] }, 'input.scopes'],
    ['client credentials for a public app', { confidential: false, grantTypes: ['CLIENT_CREDENTIALS'] }, 'input.grantTypes'],
    ['authorization code without redirect URIs', { redirectUris: [] }, 'input.redirectUris'],
  ])('refuses %s with BAD_USER_INPUT and registers nothing', async (_case, input, field) => {
    const before = (await app.database.db().select().from(oauthClients)).length;
    const result = await app.call(REGISTER_CLIENT, { input: { name: 'X', redirectUris: [REDIRECT], scopes: ['todos:read'], grantTypes: ['AUTHORIZATION_CODE'], confidential: true, ...input } }, adminToken);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.field).toBe(field);
    expect((await app.database.db().select().from(oauthClients)).length).toBe(before);
  });

  it('is for admins only', async () => {
    const { token } = await newUser();
    const result = await app.call(REGISTER_CLIENT, { input: { name: 'X', redirectUris: [REDIRECT], scopes: ['todos:read'], grantTypes: ['AUTHORIZATION_CODE'], confidential: true } }, token);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.data!.registerOAuthClient).toBeNull();
  });
});

describe('authorization code + PKCE', () => {
  it('signs in, asks consent, and redirects back with a code that buys RFC 9068 access, ID and refresh tokens', async () => {
    const client = await registerClient();
    const user = await newUser();
    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid profile todos:read offline_access', pkce }, user);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    const code = back.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, { id: client.id, secret: client.secret! });
    expect(tokens.status).toBe(200);
    expect(decodeProtectedHeader(tokens.body.access_token!)).toMatchObject({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' });
    const claims = decodeJwt(tokens.body.access_token!);
    expect(claims).toMatchObject({ iss: issuer, aud: 'mosaic', client_id: client.id, scope: 'profile todos:read' });
    expect(claims.roles).toBeUndefined();
    expect(decodeJwt(tokens.body.id_token!)).toMatchObject({ iss: issuer, aud: client.id, nonce: 'nonce-456', sub: claims.sub });
    expect(tokens.body.refresh_token).toBeTruthy();

    const viewer = await verifier().verify(tokens.body.access_token!);
    expect(viewer).toMatchObject({ userId: claims.sub, clientId: client.id, roles: [] });
    expect([...viewer.scopes]).toEqual(['profile', 'todos:read']);
    // The app may read the user's public profile, not their email or account security.
    const me = await app.call(`{ me { id displayName } }`, {}, tokens.body.access_token);
    expect(me.errors).toBeUndefined();
    const email = await app.call(`{ me { email } }`, {}, tokens.body.access_token);
    expect(errorCodes(email)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(`mutation { beginTotpEnrollment { secret } }`, {}, tokens.body.access_token))).toEqual(['FORBIDDEN']);
  });

  it('works for a public client (no secret) with PKCE, and refuses a public client without PKCE', async () => {
    const client = await registerClient({ confidential: false, grantTypes: ['AUTHORIZATION_CODE'] });
    expect(client.secret).toBeNull();
    const user = await newUser();
    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce }, user);
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier, client_id: client.id });
    expect(tokens.status).toBe(200);
    expect(tokens.body.refresh_token).toBeUndefined();

    const withoutPkce = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: null }, user);
    expect(withoutPkce.searchParams.get('error')).toBe('invalid_request');
    expect(withoutPkce.searchParams.get('code')).toBeNull();
  });

  it('refuses a PKCE verifier that does not match, issuing nothing', async () => {
    const client = await registerClient();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: newPkce() }, await newUser());
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: newPkce().verifier }, { id: client.id, secret: client.secret! });
    expect(tokens.status).toBe(400);
    expect(tokens.body.error).toBe('invalid_grant');
    expect(tokens.body.access_token).toBeUndefined();
  });

  it('revokes every token issued from a code presented twice (RFC 6749 §4.1.2)', async () => {
    const client = await registerClient();
    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read offline_access', pkce }, await newUser());
    const exchange = { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier };
    const first = await tokenRequest(issuer, exchange, { id: client.id, secret: client.secret! });
    expect(first.status).toBe(200);
    const second = await tokenRequest(issuer, exchange, { id: client.id, secret: client.secret! });
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    const refresh = await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token! }, { id: client.id, secret: client.secret! });
    expect(refresh.body.error).toBe('invalid_grant');
  });

  it('never redirects to an unregistered redirect URI: an error page instead', async () => {
    const client = await registerClient();
    const browser = new BrowserlessUser(app.origin);
    const answer = await browser.follow(await browser.request(authorizeUrl(issuer, { clientId: client.id, redirectUri: 'https://evil.example/steal', scope: 'openid', pkce: newPkce() })));
    expect(answer.redirectedTo).toBeUndefined();
    expect(answer.status).toBe(400);
    expect(answer.page).toContain('redirect_uri did not match any of the client');
  });

  it('refuses a scope the client may not request (invalid_scope), and grants only scopes the user holds', async () => {
    const client = await registerClient({ scopes: ['todos:read', 'users:read'] });
    const refused = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid notes:read', pkce: newPkce() }, await newUser());
    expect(refused.searchParams.get('error')).toBe('invalid_scope');
    expect(refused.searchParams.get('code')).toBeNull();

    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read users:read', pkce }, await newUser());
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, { id: client.id, secret: client.secret! });
    expect(decodeJwt(tokens.body.access_token!).scope).toBe('todos:read');
  });

  it('sends access_denied back when the user denies, and asks the code when two-factor is on', async () => {
    const client = await registerClient();
    const denied = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: newPkce() }, await newUser(), 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');

    const user = await newUser();
    const { secret } = (await app.call(`mutation { beginTotpEnrollment { secret } }`, {}, user.token)).data!.beginTotpEnrollment;
    await app.call(`mutation($code: String!) { confirmTotpEnrollment(code: $code) { accessToken } }`, { code: totpCodeAt(secret, new Date()) }, user.token);
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: newPkce() }, { ...user, totpSecret: secret });
    expect(back.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a form posted without its CSRF token', async () => {
    const client = await registerClient();
    const browser = new BrowserlessUser(app.origin);
    const page = await browser.follow(await browser.request(authorizeUrl(issuer, { clientId: client.id, redirectUri: REDIRECT, scope: 'openid', pkce: newPkce() })));
    const answer = await browser.request(formAction(page.page!, 'login')!, { csrf: 'forged', email: 'x@example.com', password });
    expect(await answer.text()).toContain('Request refused');
    expect(answer.status).toBe(403);
  });
});

describe('tokens: refresh, client credentials, revocation, introspection', () => {
  async function codeTokens() {
    const client = await registerClient();
    const user = await newUser();
    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid profile todos:read offline_access', pkce }, user);
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, { id: client.id, secret: client.secret! });
    return { client, user, tokens: tokens.body, basic: { id: client.id, secret: client.secret! } };
  }

  it('rotates refresh tokens; presenting a used one revokes the grant', async () => {
    const { tokens, basic } = await codeTokens();
    const next = await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, basic);
    expect(next.status).toBe(200);
    expect(next.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, basic)).body.error).toBe('invalid_grant');
    expect((await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: next.body.refresh_token! }, basic)).body.error).toBe('invalid_grant');
  });

  it('introspects (RFC 7662) and revokes (RFC 7009) refresh tokens', async () => {
    const { tokens, basic } = await codeTokens();
    const post = (path: string, token: string) =>
      fetch(`${issuer}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}` },
        body: new URLSearchParams({ token }).toString(),
      });
    expect(await (await post('/token/introspection', tokens.refresh_token!)).json()).toMatchObject({ active: true, client_id: basic.id, scope: expect.stringContaining('todos:read') });
    expect((await post('/token/revocation', tokens.refresh_token!)).status).toBe(200);
    expect(await (await post('/token/introspection', tokens.refresh_token!)).json()).toEqual({ active: false });
    expect((await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, basic)).body.error).toBe('invalid_grant');
  });

  it('client credentials: a service principal with the scopes it was registered for, and no user', async () => {
    const client = await registerClient({ grantTypes: ['CLIENT_CREDENTIALS'], redirectUris: [], scopes: ['users:read'] });
    const tokens = await tokenRequest(issuer, { grant_type: 'client_credentials', scope: 'users:read' }, { id: client.id, secret: client.secret! });
    expect(tokens.status).toBe(200);
    const claims = decodeJwt(tokens.body.access_token!);
    expect(claims).toMatchObject({ sub: client.id, client_id: client.id, aud: 'mosaic', scope: 'users:read' });
    expect(await verifier().verifyPrincipal(tokens.body.access_token!)).toEqual({ kind: 'service', service: { clientId: client.id, scopes: new Set(['users:read']) } });
    const users = await app.call(`{ users(first: 1) { edges { node { id } } } }`, {}, tokens.body.access_token);
    expect(users.errors).toBeUndefined();
    // No user behind it: fields for a user refuse it.
    expect(errorCodes(await app.call(`{ me { id } }`, {}, tokens.body.access_token))).toEqual(['FORBIDDEN']);
    expect((await tokenRequest(issuer, { grant_type: 'client_credentials' }, { id: client.id, secret: 'wrong' })).body.error).toBe('invalid_client');
    expect((await tokenRequest(issuer, { grant_type: 'client_credentials', scope: 'todos:write' }, { id: client.id, secret: client.secret! })).body.error).toBe('invalid_scope');
  });
});

describe('apps a user granted', () => {
  it('are listed with their scopes and can be revoked: the app cannot refresh any more', async () => {
    const client = await registerClient({ name: 'Calendar Sync' });
    const user = await newUser();
    const pkce = newPkce();
    const back = await authorize({ clientId: client.id, redirectUri: REDIRECT, scope: 'openid todos:read offline_access', pkce }, user);
    const tokens = (await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, { id: client.id, secret: client.secret! })).body;
    const APPS = `{ me { authorizedApps { client { id name } scopes grantedAt } } }`;
    const apps = (await app.call(APPS, {}, user.token)).data!.me.authorizedApps;
    expect(apps).toEqual([{ client: { id: client.id, name: 'Calendar Sync' }, scopes: ['offline_access', 'openid', 'todos:read'], grantedAt: expect.any(String) }]);
    expect((await app.call(`mutation($id: ID!) { revokeAppAuthorization(clientId: $id) }`, { id: client.id }, user.token)).data).toEqual({ revokeAppAuthorization: true });
    expect((await app.call(APPS, {}, user.token)).data!.me.authorizedApps).toEqual([]);
    expect((await tokenRequest(issuer, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, { id: client.id, secret: client.secret! })).body.error).toBe('invalid_grant');
    expect(errorCodes(await app.call(`mutation($id: ID!) { revokeAppAuthorization(clientId: $id) }`, { id: client.id }, user.token))).toEqual(['NOT_FOUND']);
  });

  it('rotating a secret (admin) makes the old one stop working at once', async () => {
    const client = await registerClient({ grantTypes: ['CLIENT_CREDENTIALS'], redirectUris: [], scopes: ['users:read'] });
    const rotated = await app.call(`mutation($id: ID!) { rotateOAuthClientSecret(clientId: $id) { clientSecret client { id } } }`, { id: client.id }, adminToken);
    const secret = rotated.data!.rotateOAuthClientSecret.clientSecret as string;
    expect(secret).not.toBe(client.secret);
    expect((await tokenRequest(issuer, { grant_type: 'client_credentials' }, { id: client.id, secret: client.secret! })).body.error).toBe('invalid_client');
    expect((await tokenRequest(issuer, { grant_type: 'client_credentials' }, { id: client.id, secret })).status).toBe(200);
    const user = await newUser();
    expect(errorCodes(await app.call(`mutation($id: ID!) { rotateOAuthClientSecret(clientId: $id) { clientSecret } }`, { id: client.id }, user.token))).toEqual(['FORBIDDEN']);
  });

  it('lists any number of apps with their names in the same number of SQL statements', async () => {
    const user = await newUser();
    const APPS = `{ me { authorizedApps { client { name } scopes } } }`;
    const statementsFor = async () => {
      counter.reset();
      const result = await app.call(APPS, {}, user.token);
      return { apps: result.data!.me.authorizedApps.length, statements: counter.count };
    };
    await authorize({ clientId: (await registerClient({ name: 'One' })).id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: newPkce() }, user);
    const one = await statementsFor();
    for (const name of ['Two', 'Three']) await authorize({ clientId: (await registerClient({ name })).id, redirectUri: REDIRECT, scope: 'openid todos:read', pkce: newPkce() }, user);
    const three = await statementsFor();
    expect([one.apps, three.apps]).toEqual([1, 3]);
    expect(three.statements).toBe(one.statements);
  });

  it('deleting an app (admin) ends its grants and its secret stops working', async () => {
    const client = await registerClient({ grantTypes: ['CLIENT_CREDENTIALS'], redirectUris: [], scopes: ['users:read'] });
    expect((await app.call(`mutation($id: ID!) { deleteOAuthClient(clientId: $id) }`, { id: client.id }, adminToken)).data).toEqual({ deleteOAuthClient: true });
    expect((await tokenRequest(issuer, { grant_type: 'client_credentials' }, { id: client.id, secret: client.secret! })).body.error).toBe('invalid_client');
  });
});
