import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, errorCodes, graphql, type TestDatabase } from '@mosaic/testing';
import { registry } from '../src/registry';
import { spawnServices, type RunningServices } from '../src/services';
import { generateSigningKey, generateFieldKey } from '@mosaic/kit';
import { AMQP_URL, cleanBroker } from './events/harness';

/**
 * Services mode for real: every subgraph and the gateway as its own Node process (the commands the
 * README and docker-compose.yml use), against the PostgreSQL server, wired only by environment.
 */
let database: TestDatabase;
let services: RunningServices;
let gatewayUrl: string;
const output: string[] = [];
const amqpNamespace = `t${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  database = await createTestDatabase();
  services = await spawnServices({
    env: {
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '3',
      ACCOUNTS_SIGNING_KEYS: JSON.stringify([await generateSigningKey('services')]),
      ACCOUNTS_FIELD_KEYS: JSON.stringify([generateFieldKey('services')]),
      // Users sign up and in at once here; verified sign-up (production's default) is tested in accounts.
      ACCOUNTS_SIGNUP: 'instant',
      CHAIN_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('services')]),
      BANKING_KEY_ENCRYPTION_KEYS: JSON.stringify([generateFieldKey('services-banking')]),
      BANKING_LOOKUP_KEYS: JSON.stringify([generateFieldKey('services-banking-lookup')]),
      FILES_SIGNING_SECRET: randomBytes(32).toString('base64url'),
      // Chat, notes and files share it (production refuses to start without it).
      ATTACHMENT_TICKET_SECRET: randomBytes(32).toString('base64url'),
      FILES_DIR: join(tmpdir(), `mosaic-services-${amqpNamespace}`, 'objects'),
      FILES_UPLOADS_DIR: join(tmpdir(), `mosaic-services-${amqpNamespace}`, 'uploads'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      GATEWAY_SHARED_SECRET: randomBytes(32).toString('base64url'),
      AMQP_URL,
      AMQP_NAMESPACE: amqpNamespace,
      OUTBOX_POLL_MS: '200',
    },
    ports: 'free',
    onLine: (service, line) => output.push(`${service}: ${line}`),
  });
  gatewayUrl = services.gatewayUrl;
  try {
    await services.ready();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output.join('\n')}`);
  }
}, 90_000);

afterAll(async () => {
  await services?.stop();
  await database?.drop();
  await rm(join(tmpdir(), `mosaic-services-${amqpNamespace}`), { recursive: true, force: true });
  await cleanBroker(['todos.account-deleted', 'notes.account-deleted', 'chat.account-deleted', 'chat.live', 'files.account-deleted', 'files.thumbnails'], ['accounts', 'chat', 'files'], amqpNamespace);
});

describe('services mode', () => {
  it('runs each subgraph and the gateway as its own process', () => {
    expect(services.services.map((s) => s.name)).toEqual([...registry.map((entry) => entry.name), 'gateway']);
    expect(services.services.every((s) => s.process.exitCode === null)).toBe(true);
  });

  it('registers, signs in and reads `me` through the gateway, verifying tokens from the accounts JWKS', async () => {
    const input = { email: 'services@example.com', password: 'velvet-otter-lantern' };
    const registered = await graphql(gatewayUrl, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input });
    expect(registered.errors).toBeUndefined();
    const me = await graphql(gatewayUrl, `{ me { email } }`, {}, { token: registered.data!.register.accessToken });
    expect(me.data).toEqual({ me: { email: 'services@example.com' } });
  });

  it("forwards subgraphs' public paths: a short link made through the gateway redirects on the gateway's port", async () => {
    const input = { email: 'services-links@example.com', password: 'velvet-otter-lantern' };
    const registered = await graphql(gatewayUrl, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input });
    const token = registered.data!.register.accessToken;
    const shortened = await graphql(gatewayUrl, `mutation { shortenLink(input: { url: "https://example.com/services", alias: "svc-link" }) { id } }`, {}, { token });
    expect(shortened.errors).toBeUndefined();
    const origin = new URL(gatewayUrl).origin;
    const redirect = await fetch(`${origin}/svc-link`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' } });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'https://example.com/services']);
    expect((await fetch(`${origin}/no-such-link`)).status).toBe(404);
    const count = async () => (await graphql(gatewayUrl, `query($id: ID!) { link(id: $id) { visitCount } }`, { id: shortened.data!.shortenLink.id }, { token })).data?.link.visitCount;
    await expect.poll(count, { timeout: 5_000 }).toBe(1);
  });

  it("forwards uploads and downloads to the files process, streaming, on the gateway's port", async () => {
    const input = { email: 'services-files@example.com', password: 'velvet-otter-lantern' };
    const token = (await graphql(gatewayUrl, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input })).data!.register.accessToken;
    const origin = new URL(gatewayUrl).origin;
    const body = 'line\n'.repeat(200_000);
    const uploaded = await fetch(`${origin}/files/upload?name=lines.txt`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const found = await graphql(gatewayUrl, `query($id: ID!) { file(id: $id) { size downloadUrl } }`, { id }, { token });
    expect(found.data!.file.size).toBe(body.length);
    const download = await fetch(`${origin}${new URL(found.data!.file.downloadUrl).pathname}`, { headers: { range: 'bytes=0-9' } });
    expect([download.status, await download.text()]).toEqual([206, 'line\nline\n']);
  });

  it("deleting an account in accounts' process removes the user's todos in todos' process (events through RabbitMQ)", async () => {
    const input = { email: 'leaving@example.com', password: 'velvet-otter-lantern' };
    const registered = await graphql(gatewayUrl, `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input });
    const token = registered.data!.register.accessToken as string;
    expect((await graphql(gatewayUrl, `mutation { createTodo(input: { title: "pack" }) { id } }`, {}, { token })).errors).toBeUndefined();
    const deleted = await graphql(gatewayUrl, `mutation($password: String!) { deleteAccount(input: { password: $password }) { userId } }`, { password: input.password }, { token });
    expect(deleted.errors).toBeUndefined();
    const todosLeft = async () => Number((await database.db().execute(sql`select count(*) as n from todos.todos`) as unknown as { n: number }[])[0]!.n);
    await expect.poll(todosLeft, { timeout: 15_000 }).toBe(0);
    // Each service serves its event metrics.
    const todos = services.services.find((s) => s.name === 'todos')!;
    const metrics = await (await fetch(todos.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toContain('mosaic_events_consumed_total{consumer="account-deleted",type="account.deleted",outcome="applied"} 1');
  });

  it('subgraphs refuse requests that did not come through the gateway', async () => {
    for (const service of services.services.filter((s) => s.name !== 'gateway')) {
      const direct = await graphql(service.url, `{ _service { sdl } }`);
      expect(direct.status, service.name).toBe(403);
      expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
    }
  });

  it('hides introspection and the landing page in production', async () => {
    const introspection = await graphql(gatewayUrl, `{ __schema { types { name } } }`);
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
