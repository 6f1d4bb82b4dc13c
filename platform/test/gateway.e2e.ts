import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const base = () => graph.gatewayUrl.replace(/\/graphql$/, '');

describe('gateway', () => {
  it('registers, signs in and answers `me` through the gateway only', async () => {
    await graph.signUp('grace@example.com');
    const login = await graph.call(`mutation { login(input: { email: "Grace@Example.com", password: "velvet-otter-lantern" }) { accessToken refreshToken user { email } } }`);
    expect(login.errors).toBeUndefined();
    const me = await graph.call(`{ me { email displayName roles } }`, {}, login.data!.login.accessToken);
    expect(me.data).toEqual({ me: { email: 'grace@example.com', displayName: 'grace', roles: ['USER'] } });
  });

  it('refuses a bad token itself with 401 and never calls a subgraph', async () => {
    const result = await graph.call(`{ me { id } }`, {}, 'forged.token.value');
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.extensions!.serviceName).toBeUndefined();
  });

  it('reports validation errors without stack traces', async () => {
    const result = await graph.call(`{ me { nope } }`);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('is the only way in: subgraphs refuse direct requests, _entities and _service included', async () => {
    const { token, userId } = await graph.signUp('direct@example.com');
    for (const [name, url] of Object.entries(graph.subgraphUrls)) {
      for (const query of ['{ _service { sdl } }', `{ _entities(representations: [{ __typename: "User", id: "${userId}" }]) { __typename } }`]) {
        const direct = await graphql(url, query, {}, { token });
        expect(direct.status, name).toBe(403);
        expect(errorCodes(direct), name).toEqual(['FORBIDDEN']);
      }
    }
    expect((await graph.call('{ me { email } }', {}, token)).data).toEqual({ me: { email: 'direct@example.com' } });
  });

  it('serves health and its own readiness to clients, subgraph status only on the internal port, and Apollo Sandbox to browsers', async () => {
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base()}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    expect((await fetch(`${base()}/status`)).status).toBe(404);
    const status = (await (await fetch(`${graph.internalUrl}/status`)).json()) as { ready: boolean; subgraphs: { name: string; reachable: boolean }[] };
    expect(status.ready).toBe(true);
    expect(status.subgraphs.every((s) => s.reachable)).toBe(true);
    expect(status.subgraphs.map((s) => s.name)).toContain('accounts');

    const page = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('embeddable-sandbox');
    const root = await fetch(`${base()}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/app/');
  });
});
