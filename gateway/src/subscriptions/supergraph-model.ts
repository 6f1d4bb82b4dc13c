import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { Kind, parse, type GraphQLSchema } from 'graphql';
import { correctPlanner } from '../planning/corrected-planning';
import { plannerInput, type PlannerInput } from '../planning/planner-input';
import { supergraphForGateway } from '../supergraph';

/** What subscription planning and execution need from one supergraph, built once per schema. */
export interface SupergraphModel {
  planner: QueryPlanner;
  /** Federation's API schema (for operationFromDocument / executeQueryPlan). */
  apiSchema: Schema;
  /** graphql-js API schema: what clients validate against. */
  apiGraphQLSchema: GraphQLSchema;
  supergraphGraphQLSchema: GraphQLSchema;
  /**
   * `Type` and `Type.field` coordinates that carry an access-control directive: their values may
   * differ per viewer, so subscription results that select them are never shared across viewers.
   */
  viewerDependent: ReadonlySet<string>;
}

const ACCESS_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy']);

/** Planned as queries are: with the corrected supergraph (`input`), plans corrected (planning/corrected-planning.ts). */
export function buildSupergraphModel(supergraphSdl: string, input: PlannerInput = plannerInput(supergraphForGateway(supergraphSdl))): SupergraphModel {
  const supergraph = Supergraph.build(input.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  return {
    planner: correctPlanner(new QueryPlanner(supergraph), input),
    apiSchema,
    // With @defer: queries and mutations over graphql-ws validate against it too (deferred-delivery.ts).
    apiGraphQLSchema: apiSchema.toGraphQLJSSchema({ includeDefer: true }),
    supergraphGraphQLSchema: supergraph.schema.toGraphQLJSSchema(),
    viewerDependent: accessControlledCoordinates(supergraphSdl),
  };
}

function accessControlledCoordinates(supergraphSdl: string): Set<string> {
  const coordinates = new Set<string>();
  const controlled = (directives: readonly { name: { value: string } }[] | undefined) =>
    directives?.some((d) => ACCESS_DIRECTIVES.has(d.name.value)) ?? false;
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    if (controlled(definition.directives)) coordinates.add(typeName);
    for (const field of definition.fields ?? []) {
      if (controlled(field.directives)) coordinates.add(`${typeName}.${field.name.value}`);
    }
  }
  return coordinates;
}
