import type { ApolloGateway } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';

type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
type Executed = Awaited<ReturnType<Loaded['executor']>>;

/**
 * @apollo/gateway reports values it could not complete — an enum value a subgraph returned that
 * the supergraph lacks, a wrong type — under `extensions.valueCompletion`, not `errors`: a client
 * sees `null` (or `data: null`) without an error. Moved into `errors`, they are formatted like any
 * other: shown with their code in development, masked in production, always at their path.
 */
export function reportValueCompletionErrors(gateway: ApolloGateway): ApolloGateway {
  const load = gateway.load.bind(gateway);
  gateway.load = async (options) => {
    const loaded = await load(options);
    return { ...loaded, executor: async (requestContext) => withCompletionErrors(await loaded.executor(requestContext)) };
  };
  return gateway;
}

function withCompletionErrors(result: Executed): Executed {
  const completion = result.extensions?.valueCompletion as readonly GraphQLError[] | undefined;
  if (!completion?.length) return result;
  const { extensions: _all, ...rest } = result;
  const { valueCompletion: _moved, ...extensions } = result.extensions!;
  return { ...rest, errors: [...(result.errors ?? []), ...completion], ...(Object.keys(extensions).length ? { extensions } : {}) };
}
