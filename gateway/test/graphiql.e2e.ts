import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@mosaic/testing';
import { buildWeb } from '../../scripts/build-web';
import { startFederatedTestGraph, type FederatedTestGraph } from './federated-test-graph';

/**
 * GraphiQL at /graphiql, bundled into the web build and served by the gateway: it loads nothing
 * from another origin, sends the Headers tab's token, and runs subscriptions over graphql-ws.
 */
let graph: FederatedTestGraph;
let browser: Browser;
beforeAll(async () => {
  buildWeb();
  graph = await startFederatedTestGraph();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await graph?.close();
});

describe('GraphiQL (offline API explorer)', () => {
  it('runs a subscription over graphql-ws with the token from the Headers tab', async () => {
    const origin = new URL(graph.gatewayUrl).origin;
    const { token, userId } = await graph.auth.newUser();
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith(origin.replace('http', 'ws')) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await page.goto(`${origin}/graphiql`);
    const editors = page.locator('.graphiql-container .monaco-editor');
    await editors.first().waitFor();
    // Replace the operation (inserted as text: typing would trigger the editor's auto-closing brackets).
    await editors.first().click();
    await page.keyboard.press('ControlOrMeta+A');
    // A per-viewer stream: only the token sent in connection_init can open it.
    await page.keyboard.insertText('subscription Mine { myNotices }');
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .monaco-editor').last();
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
    await page.getByRole('button', { name: /Execute query/ }).click();
    // Notices reach only streams already open: send until one shows (no fixed wait).
    const result = page.locator('.result-window').getByText('seen in GraphiQL');
    await expect
      .poll(async () => {
        await graph.notify(userId, 'seen in GraphiQL');
        return result.count();
      }, { timeout: 15_000 })
      .toBeGreaterThan(0);
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: join(repoRoot, 'docs/screenshots/graphiql.png') });
    expect(foreign).toEqual([]);
    await page.close();
  });
});
