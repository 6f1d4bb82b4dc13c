import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApolloGateway } from '@apollo/gateway';
import { subgraphEndpoints, supergraphForGateway } from '@mosaic/gateway';
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
});
