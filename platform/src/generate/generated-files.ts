import { apiSchemaOf, composeSupergraph } from '../compose';
import type { RegisteredSubgraph } from '../registry';
import { composeFile } from './compose-file';
import { configMapFile, subgraphsManifestFile } from './k8s-manifests';
import { ingressFile, publicPathsFile } from './public-paths';
import { roverConfigFile } from './rover-config';
import { scopeCatalogFile } from './scope-catalog';

/**
 * Every committed file derived from the registry, by path from the repository root: `pnpm compose`
 * writes them, and a test fails when one is stale.
 */
export function generatedFiles(subgraphs: readonly RegisteredSubgraph[]): Record<string, string> {
  const supergraph = composeSupergraph(subgraphs);
  return {
    'schema/supergraph.graphql': supergraph,
    'schema/api.graphql': apiSchemaOf(supergraph),
    'schema/scopes.json': scopeCatalogFile(subgraphs),
    'schema/public-paths.json': publicPathsFile(subgraphs),
    'supergraph.yaml': roverConfigFile(subgraphs),
    'docker-compose.yml': composeFile(subgraphs),
    'deploy/k8s/config.yaml': configMapFile(subgraphs),
    'deploy/k8s/subgraphs.yaml': subgraphsManifestFile(subgraphs),
    'deploy/k8s/ingress.yaml': ingressFile(subgraphs),
  };
}
