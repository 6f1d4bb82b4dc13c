import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/** Through the gateway: a user signs up with accounts, creates a link here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('links through the gateway', () => {
  it('createLink, then me { links } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('links-e2e@example.com');
    const created = await graph.call(`mutation { createLink(input: { name: "Through the gateway" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email links { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'links-e2e@example.com', links: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'links-e2e' } } }] } },
    });
  });
});
