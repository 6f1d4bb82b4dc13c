import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { decodeJwt } from 'jose';
import { freePort } from '@mosaic/testing';
import { grantRole, totpCodeAt } from '../src/index';
import { LOGIN, REGISTER, startAccounts } from './harness';
import { authorizeUrl, newPkce, tokenRequest } from '@mosaic/testing';

/** The login and consent pages in a real browser (Debian's Chromium), with JavaScript turned off. */
let app: Awaited<ReturnType<typeof startAccounts>>;
let browser: Browser;
let thirdParty: { server: Server; redirectUri: string };
let client: { id: string; secret: string };
const password = 'velvet-otter-lantern';

beforeAll(async () => {
  app = await startAccounts();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--headless'] });
  const port = await freePort();
  const server = createServer((_req, res) => res.end('<!DOCTYPE html><title>Todo Widget</title><h1>Signed in</h1>'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  thirdParty = { server, redirectUri: `http://localhost:${port}/callback` };

  await app.call(REGISTER, { input: { email: 'browser-admin@example.com', password } });
  await grantRole(app.database.db(), 'browser-admin@example.com', 'admin');
  const admin = (await app.call(LOGIN, { input: { email: 'browser-admin@example.com', password } })).data!.login.accessToken;
  const registered = await app.call(
    `mutation($input: RegisterOAuthClientInput!) { registerOAuthClient(input: $input) { clientSecret client { id } } }`,
    { input: { name: 'Todo Widget', redirectUris: [thirdParty.redirectUri], scopes: ['profile', 'todos:read'], grantTypes: ['AUTHORIZATION_CODE'], confidential: true } },
    admin,
  );
  client = { id: registered.data!.registerOAuthClient.client.id, secret: registered.data!.registerOAuthClient.clientSecret };
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => thirdParty?.server.close(resolve));
  await app?.close();
});

describe('authorization pages in Chromium', () => {
  it('sign in, code, consent, and back to the app with a code — no JavaScript needed', async () => {
    const email = `browser.${Date.now()}@example.com`;
    const signUp = (await app.call(REGISTER, { input: { email, password } })).data!.register;
    const { secret } = (await app.call(`mutation { beginTotpEnrollment { secret } }`, {}, signUp.accessToken)).data!.beginTotpEnrollment;
    await app.call(`mutation($code: String!) { confirmTotpEnrollment(code: $code) { accessToken } }`, { code: totpCodeAt(secret, new Date()) }, signUp.accessToken);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const pkce = newPkce();
    await page.goto(authorizeUrl(app.oauthIssuer, { clientId: client.id, redirectUri: thirdParty.redirectUri, scope: 'openid profile todos:read', pkce }));
    await expect.poll(() => page.textContent('h1'), { timeout: 5000 }).toBe('Sign in to continue to Todo Widget');

    await page.fill('#email', email);
    await page.fill('#password', 'not-the-password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.error'), { timeout: 5000 }).toBe('The email or password is incorrect.');

    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('h1'), { timeout: 5000 }).toBe('Enter your code');
    await page.fill('#code', totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.click('button[type=submit]');

    await expect.poll(() => page.textContent('h1'), { timeout: 5000 }).toBe('Todo Widget wants to access your Mosaic account');
    expect(await page.textContent('ul')).toContain('See your todos');
    await page.click('button:has-text("Allow")');

    await page.waitForURL((url) => url.toString().startsWith(thirdParty.redirectUri));
    const back = new URL(page.url());
    expect(back.searchParams.get('state')).toBe('state-123');
    const tokens = await tokenRequest(app.oauthIssuer, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: thirdParty.redirectUri, code_verifier: pkce.verifier }, client);
    expect(tokens.status).toBe(200);
    expect(decodeJwt(tokens.body.access_token!)).toMatchObject({ client_id: client.id, scope: 'profile todos:read' });
    await context.close();
  });

  it('refuses a login form posted from another site (CSRF), even with the victim\'s interaction cookie', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(authorizeUrl(app.oauthIssuer, { clientId: client.id, redirectUri: thirdParty.redirectUri, scope: 'openid', pkce: newPkce() }));
    const action = await page.getAttribute('form[action$="/login"]', 'action');
    // A page on another origin with a form aimed at the victim's login step.
    const attacker = await context.newPage();
    await attacker.goto(thirdParty.redirectUri);
    await attacker.setContent(`<form method="post" action="${app.origin}${action}"><input name="email" value="x@example.com"><input name="password" value="x"><input name="csrf" value="guess"><button>Go</button></form>`);
    const [response] = await Promise.all([attacker.waitForResponse((r) => r.url().endsWith('/login')), attacker.click('button')]);
    expect(response.status()).toBe(403);
    expect(await attacker.textContent('h1')).toBe('Request refused');
    await context.close();
  });
});
