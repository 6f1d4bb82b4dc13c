import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodes, freePort, graphql, repoRoot } from '@mosaic/testing';
import { sandboxDocument } from '../src/sandbox-document';
import { DEMO_USER } from '../src/seed';
import { spawnAllInOne, type AllInOneProcess } from '../src/spawn-all-in-one';

/**
 * The README's first command as a new user runs it: one process, embedded PostgreSQL (PGlite) in a
 * fresh data directory, migrations, demo data, and a gateway URL printed when ready.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-aio-'));
const running: AllInOneProcess[] = [];

async function startAllInOne(port: number, env: NodeJS.ProcessEnv = {}, dir = dataDir): Promise<AllInOneProcess> {
  const started = await spawnAllInOne({
    PORT: String(port),
    PGLITE_DIR: join(dir, 'pglite'),
    DEV_KEYS_DIR: join(dir, 'keys'),
    SUBGRAPH_PORTS: 'random',
    ...env,
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

  // A fresh data directory: every subgraph seeds under strict mode, which refused the seed before.
  it('starts with TRUSTED_DOCUMENTS=strict: the seed gets through, ad-hoc operations are refused, persisted ones run', async () => {
    const port = await freePort();
    const strict = await startAllInOne(port, { TRUSTED_DOCUMENTS: 'strict' }, join(dataDir, 'strict'));
    const url = `http://localhost:${port}/graphql`;
    const adHoc = await graphql(url, `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { email: DEMO_USER.email, password: DEMO_USER.password } });
    expect([adHoc.status, errorCodes(adHoc)]).toEqual([400, ['PERSISTED_QUERY_NOT_ALLOWED']]);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'schema/client/persisted-documents.json'), 'utf8')) as Record<string, string>;
    const [loginId] = Object.entries(manifest).find(([, document]) => document.startsWith('mutation Login('))!;
    const login = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ documentId: loginId, variables: { input: { email: DEMO_USER.email, password: DEMO_USER.password } } }),
    });
    expect(((await login.json()) as { data: { login: { user: { email: string } } } }).data.login.user.email).toBe(DEMO_USER.email);
    await strict.stop();
  }, 120_000);

  it('says in one line which port is taken and what to set, when the gateway port is in use', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const failure = (await startAllInOne(port).catch((error: unknown) => error)) as Error;
      expect(failure).toBeInstanceOf(Error);
      expect(failure.message).toMatch(/^all-in-one exited with 1:/);
      // Its last word is one line naming the port and what to set — no stack trace. (Lines before it
      // are what libraries print while loading, e.g. oidc-provider's note on the Node version.)
      const lines = failure.message.slice(failure.message.indexOf('\n') + 1).trim().split('\n');
      expect(lines.at(-1)).toBe(`Port ${port} is already in use (gateway): set PORT to a free port`);
      expect(failure.message).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  }, 120_000);
});
