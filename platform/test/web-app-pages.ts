import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '@mosaic/testing';
import { seriousViolations } from './web-app-axe';

/** What the browser tests of the web app do on every screen, against the graph at `origin`. */

export async function signInAsDemo(origin: string, context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Sign in as demo user' }).click();
  await page.getByRole('heading', { name: 'Todos' }).waitFor();
  return page;
}

export async function openScreen(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Domains' }).getByRole('link', { name: screen, exact: true }).click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

/**
 * The web app's own persisted operations, sent by id (the gateway takes nothing else in strict
 * mode): the test acts as another device of the same person. `origin` is read at each call (the
 * tests learn it in `beforeAll`).
 */
export function persistedOperations(origin: () => string) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'web/src/graphql/persisted-documents.json'), 'utf8')) as Record<string, string>;
  return async function persisted<T>(operationName: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const hash = Object.entries(manifest).find(([, document]) => new RegExp(`\\b(?:query|mutation|subscription) ${operationName}\\b`).test(document))?.[0];
    if (!hash) throw new Error(`${operationName} is not a web document`);
    const response = await fetch(`${origin()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`${operationName}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}
