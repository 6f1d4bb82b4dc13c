import type { ApolloGateway } from '@apollo/gateway';

interface ApiSchema {
  toGraphQLJSSchema(config?: { includeDefer?: boolean; includeStream?: boolean }): unknown;
}
interface SupergraphLike {
  apiSchema(): ApiSchema;
}
type UpdateWithSchema = (supergraph: SupergraphLike, ...rest: unknown[]) => unknown;

/**
 * @apollo/gateway builds the graphql-js schema Apollo Server validates against without `@defer`
 * (`toGraphQLJSSchema()` with its defaults), so a document with @defer would fail validation
 * although its planner can plan it. Here the gateway's schema update sees a supergraph whose API
 * schema includes the directive; everything else about the supergraph is unchanged.
 */
export function withDeferDirective(gateway: ApolloGateway): ApolloGateway {
  const internals = gateway as unknown as { updateWithSchemaAndNotify: UpdateWithSchema };
  const update = internals.updateWithSchemaAndNotify.bind(gateway);
  internals.updateWithSchemaAndNotify = (supergraph, ...rest) => {
    const withDefer = Object.create(supergraph as object, {
      apiSchema: {
        value: () => {
          const api = supergraph.apiSchema();
          const toGraphQLJSSchema = api.toGraphQLJSSchema.bind(api);
          api.toGraphQLJSSchema = (config) => toGraphQLJSSchema({ includeDefer: true, ...config });
          return api;
        },
      },
    }) as SupergraphLike;
    return update(withDefer, ...rest);
  };
  return gateway;
}
