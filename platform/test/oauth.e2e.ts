import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { grantRole, totpCodeAt } from '@mosaic/accounts';
import { drizzleOver } from '@mosaic/kit';
import { authorizeAsUser, errorCodes, graphql, newPkce, tokenRequest } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

/**
 * Third-party access through the gateway: OAuth tokens from accounts' authorization server are
 * verified by the gateway and every subgraph with the same verifier as first-party tokens, and
 * reach exactly what their scopes allow.
 */
let graph: TestGraph;
let accountsOrigin: string;
let issuer: string;
let adminToken: string;
const password = 'velvet-otter-lantern';
const REDIRECT = 'http://localhost:8790/callback';

beforeAll(async () => {
  graph = await startTestGraph();
  accountsOrigin = new URL(graph.subgraphUrls.accounts!).origin;
  issuer = `${accountsOrigin}/oidc`;
  await graph.signUp('oauth-e2e-admin@example.com');
  await grantRole(drizzleOver(graph.client), 'oauth-e2e-admin@example.com', 'admin');
  adminToken = (await graph.call(`mutation { login(input: { email: "oauth-e2e-admin@example.com", password: "${password}" }) { accessToken } }`)).data!.login.accessToken;
});
afterAll(() => graph.close());

async function registerClient(input: Record<string, unknown>) {
  const result = await graph.call(
    `mutation($input: RegisterOAuthClientInput!) { registerOAuthClient(input: $input) { clientSecret client { id } } }`,
    { input: { name: 'Todo Widget', redirectUris: [REDIRECT], scopes: ['profile', 'todos:read'], grantTypes: ['AUTHORIZATION_CODE'], confidential: true, ...input } },
    adminToken,
  );
  expect(result.errors).toBeUndefined();
  return { id: result.data!.registerOAuthClient.client.id as string, secret: result.data!.registerOAuthClient.clientSecret as string };
}

describe('OAuth access tokens through the gateway', () => {
  it('an app granted todos:read reads me { todos } and is refused notes, writes and chat', async () => {
    const client = await registerClient({});
    const email = `oauth-e2e-user.${Date.now()}@example.com`;
    const { token } = await graph.signUp(email);
    await graph.call(`mutation { createTodo(input: { title: "Visible to the widget" }) { id } }`, {}, token);
    await graph.call(`mutation { createNote(input: { title: "Private", body: "not for apps" }) { id } }`, {}, token);

    const pkce = newPkce();
    const back = await authorizeAsUser(accountsOrigin, issuer, { clientId: client.id, redirectUri: REDIRECT, scope: 'openid profile todos:read', pkce }, { email, password });
    const tokens = await tokenRequest(issuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce.verifier }, client);
    const appToken = tokens.body.access_token!;
    expect(decodeJwt(appToken)).toMatchObject({ iss: issuer, client_id: client.id, scope: 'profile todos:read' });

    const todos = await graph.call(`{ me { displayName todos(first: 5) { edges { node { title } } } } }`, {}, appToken);
    expect(todos.errors).toBeUndefined();
    expect(todos.data!.me.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Visible to the widget']);

    const notes = await graph.call(`{ me { displayName notes { edges { node { title } } } } }`, {}, appToken);
    expect(errorCodes(notes)).toEqual(['FORBIDDEN']);
    expect(notes.errors![0]!.path).toEqual(['me', 'notes']);
    expect(notes.data?.me?.notes ?? null).toBeNull();

    const write = await graph.call(`mutation { createTodo(input: { title: "From the app" }) { id } }`, {}, appToken);
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    expect((await graph.call(`{ me { todos(first: 5) { edges { node { title } } } } }`, {}, token)).data!.me.todos.edges).toHaveLength(1);
    expect(errorCodes(await graph.call(`{ me { chatRooms { edges { node { id } } } } }`, {}, appToken))).toContain('FORBIDDEN');
    expect(errorCodes(await graph.call(`{ me { email } }`, {}, appToken))).toEqual(['FORBIDDEN']);
  });

  it('a client-credentials token is a service principal: scoped fields yes, anything needing a user no', async () => {
    const client = await registerClient({ name: 'Directory Sync', grantTypes: ['CLIENT_CREDENTIALS'], redirectUris: [], scopes: ['users:read'] });
    const tokens = await tokenRequest(issuer, { grant_type: 'client_credentials', scope: 'users:read' }, client);
    const serviceToken = tokens.body.access_token!;
    const users = await graph.call(`{ users(first: 2) { edges { node { displayName } } } }`, {}, serviceToken);
    expect(users.errors).toBeUndefined();
    expect(users.data!.users.edges.length).toBeGreaterThan(0);
    const me = await graph.call(`{ me { id } }`, {}, serviceToken);
    expect(errorCodes(me)).toEqual(['FORBIDDEN']);
    expect(me.data).toEqual({ me: null });
    expect(errorCodes(await graph.call(`{ me { todos { totalCount } } }`, {}, serviceToken))).toEqual(['FORBIDDEN']);
  });

  it('the gateway refuses an OAuth-shaped token it cannot verify with 401', async () => {
    const forged = `${Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'at+jwt', kid: 'e2e' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: issuer, sub: 'x', client_id: 'x', aud: 'mosaic', scope: 'todos:read', exp: 9999999999, iat: 1 })).toString('base64url')}.AAAA`;
    const result = await graph.call(`{ me { id } }`, {}, forged);
    expect(result.status).toBe(401);
  });
});

describe('two-factor and sessions through the gateway', () => {
  it('enrol in 2FA, sign in with password + code, and see this device in me.sessions', async () => {
    const email = `twofactor-e2e.${Date.now()}@example.com`;
    const { token } = await graph.signUp(email);
    const enrol = await graph.call(`mutation { beginTotpEnrollment { secret otpauthUri qrCodeSvg } }`, {}, token);
    expect(enrol.data!.beginTotpEnrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Mosaic:/);
    const secret = enrol.data!.beginTotpEnrollment.secret as string;
    const confirmed = await graph.call(`mutation($code: String!) { confirmTotpEnrollment(code: $code) { recoveryCodes } }`, { code: totpCodeAt(secret, new Date()) }, token);
    expect(confirmed.data!.confirmTotpEnrollment.recoveryCodes).toHaveLength(10);

    const login = `mutation($email: String!) { login(input: { email: $email, password: "${password}" }) { accessToken } }`;
    const first = await graphql(graph.gatewayUrl, login, { email }, { headers: { 'user-agent': 'E2E-Laptop/1.0' } });
    expect(errorCodes(first)).toEqual(['SECOND_FACTOR_REQUIRED']);
    const done = await graphql(
      graph.gatewayUrl,
      `mutation($input: CompleteLoginInput!) { completeLogin(input: $input) { accessToken } }`,
      { input: { challenge: first.errors![0]!.extensions!.challenge, code: totpCodeAt(secret, new Date(Date.now() + 30_000)) } },
      { headers: { 'user-agent': 'E2E-Laptop/1.0' } },
    );
    expect(done.errors).toBeUndefined();
    const sessions = (await graph.call(`{ me { sessions { userAgent ipPrefix current secondFactorAt } } }`, {}, done.data!.completeLogin.accessToken)).data!.me.sessions;
    expect(sessions.find((s: { current: boolean }) => s.current)).toMatchObject({ userAgent: 'E2E-Laptop/1.0', ipPrefix: '127.0.0.0/24', secondFactorAt: expect.any(String) });
  });
});
