import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext, GraphQLExperimentalFormattedSubsequentIncrementalExecutionResultAlpha2 } from '@apollo/server';
import type { SubsequentResult } from '../execution/deferred-delivery';
import { takeSubsequentResults } from '../execution/subsequent-results';

/** The incremental format Mosaic sends (Apollo Router's and Apollo Client's `Defer20220824Handler`). */
export const DEFER_SPEC_MEDIA_TYPE = 'multipart/mixed;deferSpec=20220824';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Delivers @defer: the plan executor returns the primary payload and leaves the rest in
 * subsequent-results.ts; here the response becomes Apollo Server's incremental body, which its
 * HTTP layer writes as `multipart/mixed; deferSpec=20220824` and `executeOperation` returns to
 * graphql-ws and SSE (each payload one `next`). Later payloads' errors are formatted (and masked)
 * like the first's.
 *
 * Over HTTP, an operation with an active @defer from a client whose Accept has no
 * `multipart/mixed;deferSpec=20220824` is refused before it runs, as Apollo Router refuses it:
 * 406, `DEFER_BAD_HEADER`. (Apollo Server's own message offers `incrementalSpec=v0.2`, a format
 * this gateway does not send.)
 */
export function incrementalDeliveryPlugin<C extends BaseContext & DeferAware>(formatError: FormatError): ApolloServerPlugin<C> {
  const formatted = (errors: readonly GraphQLError[] | undefined) => errors?.map((error) => formatError(formattedOf(error), error));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(context) {
          const { request } = context;
          if (!request.http || !requestDefers(context)) return;
          if (acceptsDeferSpec(request.http.headers.get('accept'))) return;
          throw new GraphQLError(
            `This operation uses @defer, which is delivered as multipart/mixed, but the request's Accept header does not allow it. Send "Accept: ${DEFER_SPEC_MEDIA_TYPE}, application/json" (Apollo Client does this for a query with @defer), or remove @defer.`,
            { extensions: { code: 'DEFER_BAD_HEADER', http: { status: 406 } } },
          );
        },
        async willSendResponse({ contextValue, request, response }) {
          const rest = takeSubsequentResults(contextValue);
          if (!rest || response.body.kind !== 'single') return;
          // Apollo Server's HTTP layer labels the body with the format the Accept header prefers,
          // which could be `incrementalSpec=v0.2`; these payloads are the 2022-08-24 format.
          request.http?.headers.set('accept', DEFER_SPEC_MEDIA_TYPE);
          const subsequentResults = async function* (): AsyncGenerator<GraphQLExperimentalFormattedSubsequentIncrementalExecutionResultAlpha2> {
            for await (const result of rest as AsyncIterable<SubsequentResult>) {
              yield {
                hasNext: result.hasNext,
                ...(result.incremental ? { incremental: result.incremental.map((entry) => ({ data: entry.data, path: entry.path, ...(entry.label !== undefined ? { label: entry.label } : {}), ...(entry.errors ? { errors: formatted(entry.errors) } : {}) })) } : {}),
              };
            }
          };
          response.body = { kind: 'incremental', initialResult: { ...response.body.singleResult, hasNext: true }, subsequentResults: subsequentResults() };
        },
      };
    },
  };
}

/** Apollo Server's own shape of a formatted error, before `formatError`. */
function formattedOf(error: GraphQLError): GraphQLFormattedError {
  const json = error.toJSON();
  return { ...json, extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' } };
}

export function acceptsDeferSpec(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'multipart/mixed') return false;
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    return params.some((p) => p.replace(/\s/g, '') === 'deferspec=20220824');
  });
}

/** The request's variables, with the operation's boolean defaults where a variable was not sent (`@defer(if: $d)` with `$d: Boolean = false`). */
function withDefaults(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const effective: Record<string, unknown> = { ...variables };
  for (const definition of operation?.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (effective[name] === undefined && definition.defaultValue?.kind === Kind.BOOLEAN) effective[name] = definition.defaultValue.value;
  }
  return effective;
}

/** A request context that remembers whether its operation defers (`GatewayContext.activeDefer`). */
export interface DeferAware {
  activeDefer?: boolean;
}

/**
 * Whether the request's operation has an active @defer (the operation's boolean defaults count),
 * worked out once per request and kept on its context: delivery and the response cache both ask.
 */
export function requestDefers(context: { contextValue: DeferAware; document: DocumentNode; operation?: OperationDefinitionNode | undefined; request: { variables?: Record<string, unknown> | undefined } }): boolean {
  context.contextValue.activeDefer ??= deferConditions(context.document).length > 0 && hasActiveDefer(context.document, withDefaults(context.operation, context.request.variables));
  return context.contextValue.activeDefer;
}

/** A @defer's `if:`: absent (always on), a literal, or a variable's name. */
type DeferCondition = boolean | { variable: string };

const deferConditionsOf = new WeakMap<DocumentNode, readonly DeferCondition[]>();

/** The `if:` of every @defer in the document, read once per parsed document (documents are cached and reused). */
export function deferConditions(document: DocumentNode): readonly DeferCondition[] {
  let conditions = deferConditionsOf.get(document);
  if (!conditions) {
    const found: DeferCondition[] = [];
    visit(document, {
      Directive(node) {
        if (node.name.value !== 'defer') return;
        const condition = node.arguments?.find((a) => a.name.value === 'if')?.value;
        if (!condition) found.push(true);
        else if (condition.kind === Kind.BOOLEAN) found.push(condition.value);
        else if (condition.kind === Kind.VARIABLE) found.push({ variable: condition.name.value });
      },
    });
    deferConditionsOf.set(document, (conditions = found));
  }
  return conditions;
}

/** Whether a @defer in the document can take effect: `if:` absent, true, or a variable that is not false. */
export function hasActiveDefer(document: DocumentNode, variables: Record<string, unknown> | undefined): boolean {
  return deferConditions(document).some((condition) => (typeof condition === 'boolean' ? condition : variables?.[condition.variable] !== false));
}
