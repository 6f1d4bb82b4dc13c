import { describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { guardedNonNullFields, subgraphEndpoints, supergraphForGateway } from '@mosaic/gateway';
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

  it('has no field guarded by @authenticated, @requiresScopes or @policy that is non-null', () => {
    expect(guardedNonNullFields(readCommittedSupergraph())).toEqual([]);
  });

  it('finds guarded non-null fields: on the field, on its type, on its parent type', () => {
    const composed = composeServices([
      {
        name: 'a',
        url: 'http://a/graphql',
        typeDefs: parse(`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@policy", "@requiresScopes"])
          type Query { me: User @authenticated  secrets: [Secret!]!  open: String! }
          type User @key(fields: "id") { id: ID!  email: String! @policy(policies: [["self"]])  name: String }
          type Secret @requiresScopes(scopes: [["s"]]) { id: ID!  note: String }`),
      },
    ]);
    expect(composed.errors).toBeUndefined();
    expect(guardedNonNullFields(composed.supergraphSdl!).sort()).toEqual(['Query.secrets', 'Secret.id', 'User.email']);
  });
});
