import type { RegisteredSubgraph } from '../registry';

/**
 * Where services fetch the token issuer's keys: the one subgraph that declares `jwksPath`, at the
 * address `addressOf` gives its service ("accounts:4001", "accounts.mosaic.svc…:4001", …).
 */
export function jwksUrl(subgraphs: readonly RegisteredSubgraph[], addressOf: (service: string, port: number) => string): string {
  const issuers = subgraphs.filter(({ module }) => module.deployment.jwksPath);
  if (issuers.length !== 1) throw new Error(`Exactly one subgraph must publish a JWKS (deployment.jwksPath); found ${issuers.length}.`);
  const { module, port } = issuers[0]!;
  return `http://${addressOf(module.name, port)}${module.deployment.jwksPath}`;
}
