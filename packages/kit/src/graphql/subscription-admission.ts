import { createSourceEventStream, type GraphQLError, parse, validate, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { CONFLATE_BY, SHARE_KEY } from '../pubsub/topic-stream';

/**
 * Gateway ↔ subgraph protocol for shared subscriptions. Before a client joins a subscription, the
 * gateway asks the owning subgraph — with that client's credentials — whether the client may open
 * it (`POST /graphql` with header `x-mosaic-subscription-admission: 1`). The subgraph runs the
 * subscription's `subscribe` resolver (authorization included), closes the stream at once, and
 * answers with its share key: clients with the same operation, variables and share key receive
 * identical events, so the gateway serves them all from one upstream subscription.
 */
export const ADMISSION_HEADER = 'x-mosaic-subscription-admission';
/**
 * Sent back with every admission answer: how the gateway tells a subgraph that speaks this
 * protocol from a standard one (any federation subgraph that serves graphql-ws), which gets
 * standard treatment instead — one upstream subscription per subscriber, with the subscriber's token.
 */
export const ADMISSION_RESPONSE_HEADERS = { [ADMISSION_HEADER]: '1' } as const;

export type AdmissionResult =
  | { admitted: true; shareKey: string; /** See TopicStreamOptions.conflateBy. */ conflateBy?: string }
  | { admitted: false; errors: GraphQLFormattedError[] };

export interface AdmissionRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export async function admitSubscription(
  schema: GraphQLSchema,
  request: AdmissionRequest,
  context: { viewer: Viewer | null },
  formatError: (error: GraphQLError) => GraphQLFormattedError,
): Promise<AdmissionResult> {
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    return { admitted: false, errors: [formatError(error as GraphQLError)] };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { admitted: false, errors: validationErrors.map(formatError) };
  const stream = await createSourceEventStream({
    schema,
    document,
    variableValues: request.variables ?? {},
    operationName: request.operationName ?? null,
    contextValue: context,
  });
  if (!(Symbol.asyncIterator in stream)) {
    return { admitted: false, errors: (stream.errors ?? []).map(formatError) };
  }
  const marked = stream as { [SHARE_KEY]?: string; [CONFLATE_BY]?: string };
  const shared = marked[SHARE_KEY];
  const conflateBy = marked[CONFLATE_BY];
  // The resolver's stream is an async iterator (graphql-js types it only as iterable).
  await (stream as Partial<AsyncIterator<unknown>>).return?.();
  return {
    admitted: true,
    shareKey: shared !== undefined ? `shared:${shared}` : `viewer:${context.viewer?.userId ?? 'anonymous'}`,
    ...(conflateBy !== undefined ? { conflateBy } : {}),
  };
}

/** graphql-js errors → the subgraph's formatted errors (masking included). */
export function formatWith(format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  return (error: GraphQLError) => format(error.toJSON(), error);
}
