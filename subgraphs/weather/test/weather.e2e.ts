import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/** Through the gateway: a user signs up with accounts, creates a savedLocation here and reads it on `me`. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('weather through the gateway', () => {
  it('createSavedLocation, then me { savedLocations } resolves the user in accounts and the list here', async () => {
    const { token } = await graph.signUp('weather-e2e@example.com');
    const created = await graph.call(`mutation { createSavedLocation(input: { name: "Through the gateway" }) { id } }`, {}, token);
    expect(created.errors).toBeUndefined();
    const me = await graph.call(`{ me { email savedLocations { edges { node { name owner { displayName } } } } } }`, {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { email: 'weather-e2e@example.com', savedLocations: { edges: [{ node: { name: 'Through the gateway', owner: { displayName: 'weather-e2e' } } }] } },
    });
  });
});
