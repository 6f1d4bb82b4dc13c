import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_PATHS } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/**
 * Through the all-in-one gateway: a user signs up with accounts, shortens a link here, follows it
 * on the gateway's own port (the links subgraph's public paths are mounted there) and reads the
 * visits back on `me`.
 */
let graph: TestGraph;
let origin: string;
beforeAll(async () => {
  process.env.LINKS_VISIT_FLUSH_MS = '50';
  process.env.LINKS_TITLE_FETCH = 'off';
  graph = await startTestGraph();
  origin = new URL(graph.gatewayUrl).origin;
});
afterAll(() => graph.close());

const browser = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' };

describe('links through the gateway', () => {
  it('shortenLink returns a short URL; the gateway redirects it; the visits show on me { links }', async () => {
    const { token } = await graph.signUp('links-e2e@example.com');
    const created = await graph.call(`mutation { shortenLink(input: { url: "https://example.com/docs", alias: "e2e-docs" }) { id code shortUrl } }`, {}, token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.shortenLink.shortUrl).toMatch(/\/e2e-docs$/);
    const head = await fetch(`${origin}/e2e-docs`, { method: 'HEAD', redirect: 'manual', headers: browser });
    expect([head.status, head.headers.get('location')]).toEqual([302, 'https://example.com/docs']);
    for (let i = 0; i < 3; i++) expect((await fetch(`${origin}/E2E-DOCS`, { redirect: 'manual', headers: browser })).status).toBe(302);
    const read = () => graph.call(`{ me { links { edges { node { code visitCount stats { totalVisits } owner { displayName } } } } } }`, {}, token);
    await expect.poll(async () => (await read()).data?.me.links.edges[0].node, { timeout: 5_000 }).toEqual({ code: 'e2e-docs', visitCount: 4, stats: { totalVisits: 4 }, owner: { displayName: 'links-e2e' } });
  });

  it("keeps the gateway's own paths, answers unknown codes with the links 404 page", async () => {
    // Prefix routes are keyed `/app/*`.
    expect(Object.keys(graph.gateway.routes).map((path) => path.replace(/\/\*$/, '')).sort()).toEqual([...GATEWAY_PATHS].sort());
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/`, { redirect: 'manual' })).headers.get('location')).toBe('/app/');
    const unknown = await fetch(`${origin}/not-a-link`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('There is no short link at this address');
    const { token } = await graph.signUp('links-e2e-reserved@example.com');
    for (const path of GATEWAY_PATHS.filter((path) => path !== '/')) {
      const taken = await graph.call(`mutation($alias: String!) { shortenLink(input: { url: "https://example.com/", alias: $alias }) { id } }`, { alias: path.slice(1) }, token);
      expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.alias' });
    }
  });
});
