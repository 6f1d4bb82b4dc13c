import { describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { subgraphEndpoints, supergraphForGateway } from '@mosaic/gateway';
import { apiSchemaOf, composeSupergraph, readCommittedApiSchema, readCommittedSupergraph } from '../src/compose';
import { subgraphModules } from '../src/registry';

describe('schema/supergraph.graphql', () => {
  it('is what composing the subgraphs gives today (run `pnpm compose` if this fails)', () => {
    expect(readCommittedSupergraph()).toBe(composeSupergraph());
    expect(readCommittedApiSchema()).toBe(apiSchemaOf(composeSupergraph()));
  });

  it('routes every subgraph to its services-mode port', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(subgraphEndpoints(readCommittedSupergraph()).sort(byName)).toEqual(
      subgraphModules.map((m) => ({ name: m.name, url: `http://localhost:${m.defaultPort}/graphql` })).sort(byName),
    );
  });

  it('loads in @apollo/gateway once the SECURITY purpose of the access-control features is dropped', async () => {
    const committed = readCommittedSupergraph();
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)');
    await expect(new ApolloGateway({ supergraphSdl: committed }).load()).rejects.toThrow(/is for: SECURITY but is unsupported/);
    const gateway = new ApolloGateway({ supergraphSdl: supergraphForGateway(committed) });
    await expect(gateway.load()).resolves.toBeDefined();
    await gateway.stop();
  });
});
