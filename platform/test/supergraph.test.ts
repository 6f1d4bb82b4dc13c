import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { guardedNonNullFields, subgraphEndpoints, supergraphForGateway } from '@mosaic/gateway';
import { repoRoot } from '@mosaic/testing';
import { localRoutingUrl, readCommittedSupergraph } from '../src/compose';
import { generatedFiles } from '../src/generate/generated-files';
import { loadSubgraphs, registry } from '../src/registry';

describe('files generated from the registry', () => {
  it('are what `pnpm compose` gives today: supergraph, API schema, scopes, supergraph.yaml, compose and k8s files', async () => {
    const files = generatedFiles(await loadSubgraphs());
    for (const [path, content] of Object.entries(files)) {
      expect(readFileSync(join(repoRoot, path), 'utf8'), `${path} is stale: run \`pnpm compose\``).toBe(content);
    }
  });

  it('composition refuses a scope an SDL requires but no subgraph declares', async () => {
    const subgraphs = await loadSubgraphs();
    const withoutDeclarations = subgraphs.map((entry) => ({ ...entry, module: { ...entry.module, scopes: {} } }));
    expect(() => generatedFiles(withoutDeclarations)).toThrow(/requires scope "[a-z:]+", which no subgraph declares/);
  });
});

describe('schema/supergraph.graphql', () => {
  it('routes every subgraph to its registry port', () => {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(subgraphEndpoints(readCommittedSupergraph()).sort(byName)).toEqual(registry.map((entry) => ({ name: entry.name, url: localRoutingUrl(entry.port) })).sort(byName));
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
