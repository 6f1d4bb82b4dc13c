import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';

/** One subgraph of the benchmark: its name, federation SDL and resolvers (no I/O). */
export interface SubgraphDefinition {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
}
