import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '@mosaic/accounts';
import { freePort, repoRoot } from '@mosaic/testing';
import { buildWeb } from '../../scripts/build-web';
import { spawnAllInOne, type AllInOneProcess } from '../src/spawn-all-in-one';

/**
 * The web app as a person uses it: `pnpm start`'s process (built web app, seeded demo data) with
 * TRUSTED_DOCUMENTS=strict — so every request the production build makes must be a persisted id —
 * driven by Debian's Chromium. Screenshots of the main screens go to docs/screenshots/.
 */
/** Short-lived access tokens (the shortest accounts allows): the app refreshes during the run. */
const ACCESS_TOKEN_TTL_SECONDS = 30;
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-web-'));
/** UPDATE_SCREENSHOTS=1 refreshes the committed ones; otherwise they go to a temporary folder. */
const screenshots = process.env.UPDATE_SCREENSHOTS ? join(repoRoot, 'docs/screenshots') : join(dataDir, 'screenshots');
let graph: AllInOneProcess;
let browser: Browser;
let origin: string;
/** Requests that left this machine's gateway: the app must need none (offline). */
const foreignRequests: string[] = [];

beforeAll(async () => {
  buildWeb();
  const port = await freePort();
  origin = `http://localhost:${port}`;
  graph = await spawnAllInOne({ PORT: String(port), PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys'), SUBGRAPH_PORTS: 'random', TRUSTED_DOCUMENTS: 'strict', ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) }, 300_000);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  mkdirSync(screenshots, { recursive: true });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  context.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith(origin.replace('http', 'ws')) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
  });
  return context;
}

async function signInAsDemo(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Sign in as demo user' }).click();
  await page.getByRole('heading', { name: 'Todos' }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

describe('web app in a browser (all-in-one, trusted documents strict)', () => {
  it('signs in as the demo user in one click and adds a todo', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    expect(new URL(page.url()).pathname).toBe('/app/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in as demo user' }).click();
    await page.getByRole('navigation', { name: 'Domains' }).waitFor();
    const list = page.getByRole('list', { name: 'Todos' });
    const weekly = `Weekly browser todo ${Date.now()}`;
    await page.getByPlaceholder('What needs doing?').fill(weekly);
    await page.getByLabel('Repeats').selectOption({ label: 'Every week' });
    await page.getByRole('button', { name: 'Add todo' }).click();
    await list.getByRole('listitem').filter({ hasText: weekly }).getByText('repeats').waitFor();
    const once = `Browser todo ${Date.now()}`;
    await page.getByPlaceholder('What needs doing?').fill(once);
    await page.keyboard.press('Enter');
    const checkbox = page.getByRole('checkbox', { name: once });
    // Keyboard only: the space bar on its checkbox completes it, and it leaves the open list.
    await checkbox.focus();
    await page.keyboard.press('Space');
    await checkbox.waitFor({ state: 'detached' });
    await page.getByLabel('Show completed').check();
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await page.getByLabel('Show completed').uncheck();
    await checkbox.waitFor({ state: 'detached' });
    await shot(page, 'todos');
    // A reload keeps the session (the refresh cookie); no token touches storage or script.
    await page.reload();
    await page.getByRole('heading', { name: 'Todos' }).waitFor();
    const stored = await page.evaluate<Record<string, string>>('({ ...localStorage })');
    expect(stored).toEqual({ 'mosaic.session': 'cookie' });
    const [refreshCookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(refreshCookie).toMatchObject({ name: 'mosaic_refresh', path: '/auth/session', httpOnly: true, sameSite: 'Strict', secure: false });
    await expect(page.evaluate<string>('document.cookie')).resolves.toBe('');
    await context.close();
  });

  it('delivers a chat message sent in one browser to another, live', async () => {
    const [alice, bob] = [await newContext(), await newContext()];
    const [sender, receiver] = [await signInAsDemo(alice), await signInAsDemo(bob)];
    for (const page of [sender, receiver]) {
      await page.getByRole('link', { name: 'Chat' }).click();
      await page.getByRole('link', { name: /Lobby/ }).click();
      await page.getByRole('list', { name: 'Messages in Lobby' }).waitFor();
    }
    const text = `Hello from the other browser ${Date.now()}`;
    await sender.getByRole('textbox', { name: 'Message' }).fill(text);
    await sender.getByRole('button', { name: 'Send' }).click();
    await receiver.getByRole('list', { name: 'Messages in Lobby' }).getByText(text).waitFor();
    await shot(receiver, 'chat');
    await alice.close();
    await bob.close();
  });

  it('shows live prices and a candles chart', async () => {
    const context = await newContext();
    const page = await signInAsDemo(context);
    await page.getByRole('link', { name: 'Stocks' }).click();
    const cell = page.getByTestId('last-ACME');
    await cell.waitFor();
    const before = await cell.getAttribute('data-at');
    // A tick is a new quote time for the symbol, pushed over the subscription.
    await page.locator(`[data-testid="last-ACME"]:not([data-at="${before}"])`).waitFor();
    await page.getByRole('figure', { name: /one-minute candles/ }).locator('canvas').first().waitFor();
    await shot(page, 'stocks');
    await context.close();
  });

  it('refreshes the access token before it expires and keeps live data flowing on the new one', async () => {
    const context = await newContext();
    const page = await signInAsDemo(context);
    await page.getByRole('link', { name: 'Stocks' }).click();
    await page.getByTestId('last-ACME').waitFor();
    // From the httpOnly cookie: the answer carries an access token and no refresh token.
    const refreshed = await page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/session/refresh', { timeout: ACCESS_TOKEN_TTL_SECONDS * 1000 });
    const body = (await refreshed.json()) as { accessToken?: string; refreshToken?: string };
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refreshToken');
    expect((await refreshed.allHeaders())['set-cookie']).toMatch(/^mosaic_refresh=.+; Path=\/auth\/session;.*HttpOnly; SameSite=Strict/);
    // The socket reconnected with the new token: ticks keep coming.
    const after = await page.getByTestId('last-ACME').getAttribute('data-at');
    await page.locator(`[data-testid="last-ACME"]:not([data-at="${after}"])`).waitFor();
    // And HTTP requests carry it: a query after the refresh succeeds.
    await page.getByRole('link', { name: 'Todos', exact: true }).click();
    await page.getByRole('list', { name: 'Todos' }).getByRole('listitem').first().waitFor();
    await context.close();
  }, 90_000);

  it('renders the other screens with their data', async () => {
    const context = await newContext();
    const page = await signInAsDemo(context);
    const screens: [string, RegExp][] = [
      ['Notes', /federation/i],
      ['Links', /\/federation/],
      ['Weather', /Source:/],
      ['Wallet', /Demo wallet/],
    ];
    for (const [name, expected] of screens) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('main').getByText(expected).first().waitFor();
      await shot(page, name.toLowerCase());
    }
    // Narrow screens: the same app, laid out for a phone.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole('link', { name: 'Todos', exact: true }).click();
    await page.getByRole('heading', { name: 'Todos' }).waitFor();
    await shot(page, 'todos-phone');
    await context.close();
  }, 90_000);

  it('registers, turns on two-factor authentication, and signs in again with the code step', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/app/register`);
    const email = `web-2fa.${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    await page.getByLabel('Display name').fill('Web Two-Factor');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('navigation', { name: 'Domains' }).waitFor();
    await page.getByRole('link', { name: 'Security' }).click();
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').count()).toBe(10);
    await shot(page, 'security');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await shot(page, 'sign-in-code');
    // Each code works once: the next time step's code (accepted within the allowed drift).
    await page.getByLabel('Code').fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation', { name: 'Domains' }).waitFor();
    await expect(page.getByLabel('Signed in as').textContent()).resolves.toBe('Web Two-Factor');
    await context.close();
  });

  it('serves GraphiQL at /graphiql from the gateway alone (no CDN)', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    await page.getByText('subscription Prices').first().waitFor();
    await context.close();
    expect(foreignRequests).toEqual([]);
  });
});
