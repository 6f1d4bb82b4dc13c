import { composeServices } from '@apollo/composition';
import { SUBGRAPHS } from './subgraphs/all';

/** Composes the four subgraphs into a supergraph routed to `urls` (name → GraphQL endpoint). */
export function composeSupergraph(urls: Record<string, string>): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: urls[s.name]! })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}
