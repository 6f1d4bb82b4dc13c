import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, graphql } from '@mosaic/testing';
import { sandboxDocument } from '../src/sandbox-document';
import { DEMO_USER } from '../src/seed';
import { spawnAllInOne, type AllInOneProcess } from '../src/spawn-all-in-one';

/**
 * The README's first command as a new user runs it: one process, embedded PostgreSQL (PGlite) in a
 * fresh data directory, migrations, demo data, and a gateway URL printed when ready.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-aio-'));
const running: AllInOneProcess[] = [];

async function startAllInOne(port: number): Promise<AllInOneProcess> {
  const started = await spawnAllInOne({
    PORT: String(port),
    PGLITE_DIR: join(dataDir, 'pglite'),
    DEV_KEYS_DIR: join(dataDir, 'keys'),
    SUBGRAPH_PORTS: 'random',
  });
  running.push(started);
  return started;
}

afterAll(async () => {
  for (const process of running) await process.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('all-in-one (pnpm start)', () => {
  it('starts on embedded PostgreSQL, seeds the demo user, prints the gateway URL, and keeps data across restarts', async () => {
    const port = await freePort();
    const first = await startAllInOne(port);
    const url = `http://localhost:${port}/graphql`;
    expect(first.banner).toContain(`Gateway + Apollo Sandbox:  ${url}`);
    expect(first.banner).toContain(`${DEMO_USER.email} / ${DEMO_USER.password}`);
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    expect(readFileSync(join(dataDir, 'keys', 'accounts-signing-keys.DEV-ONLY.json'), 'utf8')).toContain('DEVELOPMENT KEY');

    const login = await graphql(url, `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
      input: { email: DEMO_USER.email, password: DEMO_USER.password },
    });
    expect(login.errors).toBeUndefined();
    // Sandbox opens on an example that works against this graph: its Login signs the demo user in.
    const sandbox = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    expect(sandbox).toContain(DEMO_USER.password);
    const example = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: sandboxDocument, operationName: 'Login' }) });
    expect(((await example.json()) as { data?: { login?: { accessToken?: string } } }).data?.login?.accessToken).toEqual(expect.any(String));
    const me = await graphql(url, `{ me { email displayName } }`, {}, { token: login.data!.login.accessToken });
    expect(me.data).toEqual({ me: { email: DEMO_USER.email, displayName: DEMO_USER.displayName } });
    await first.stop();

    // Second start: same data directory, same dev key, seeding is a no-op, old tokens still verify.
    const second = await startAllInOne(port);
    const again = await graphql(url, `{ me { email } }`, {}, { token: login.data!.login.accessToken });
    expect(again.data).toEqual({ me: { email: DEMO_USER.email } });
    await second.stop();
  }, 120_000);
});
