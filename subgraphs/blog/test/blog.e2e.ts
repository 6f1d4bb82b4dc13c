import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';

/** Through the gateway: the blog composed with accounts and the other subgraphs. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

describe('blog through the gateway', () => {
  it('anonymous readers list published posts', async () => {
    const listed = await graph.call(`{ posts(first: 1) { edges { node { id } } } }`, {});
    expect(listed.errors).toBeUndefined();
  });
});
