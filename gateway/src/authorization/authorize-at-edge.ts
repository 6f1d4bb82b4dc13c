import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import { print, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Viewer } from '@mosaic/kit';
import { accessRequirements } from './access-requirements';
import { authorizeDocument, restoreDenied, restoreDeniedInDeferred, type AuthorizedDocument } from './edge-authorization';
import { mapSubsequentResults } from '../execution/subsequent-results';

type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
type Executor = Loaded['executor'];
type RequestContext = Parameters<Executor>[0];

/** What the viewer's access at the edge depends on; equal keys get the same authorized document. */
function accessKey(viewer: Viewer | null): string {
  if (!viewer) return '-';
  return `${viewer.clientId ? 'app' : 'own'}|${viewer.roles.includes('admin') ? 'admin' : ''}|${[...viewer.scopes].sort().join(' ')}`;
}

/**
 * Queries and mutations are authorized at the edge (edge-authorization.ts) before @apollo/gateway
 * plans them: the planned document lacks the denied fields, so the plan has no fetch for them.
 * Authorized documents are cached per parsed document and access key (signed in or not, app or
 * not, admin or not, scopes), their query hash with them, so the plan cache keys the pruned plan.
 * Subscriptions are authorized by the subgraph when the stream opens, and so is everything an app
 * asks with its own client-credentials token.
 */
export function authorizeAtEdge(gateway: ApolloGateway, supergraphSdl: string): ApolloGateway {
  const requirements = accessRequirements(supergraphSdl);
  if (!requirements.any) return gateway;
  const cache = new WeakMap<DocumentNode, Map<string, { authorized: AuthorizedDocument | null; queryHash: string | undefined }>>();
  const load = gateway.load.bind(gateway);
  gateway.load = async (options) => {
    const loaded = await load(options);
    const executor: Executor = async (requestContext) => {
      if (requestContext.operation.operation === 'subscription') return loaded.executor(requestContext);
      const { viewer = null, authorization } = requestContext.context as { viewer?: Viewer | null; authorization?: string };
      // A verified token that is no user's is an app's own (client credentials): its scopes are not
      // in the gateway's context, so the subgraphs, which know the service principal, decide alone.
      if (!viewer && authorization) return loaded.executor(requestContext);
      const { authorized, queryHash } = authorizedFor(requestContext, viewer);
      if (!authorized) return loaded.executor(requestContext);
      const result = authorized.empty ? { data: Object.create(null) as Record<string, unknown> } : await loaded.executor({ ...requestContext, document: authorized.document, queryHash: queryHash! });
      const variables = requestContext.request.variables;
      const restored = restoreDenied(requestContext.schema as GraphQLSchema, requestContext.document, requestContext.operationName, authorized, result.data as Record<string, unknown> | null | undefined, variables);
      // With @defer, each later payload gets the denied fields of the fragments it carries.
      mapSubsequentResults(requestContext.context, (later) => {
        for (const entry of later.incremental ?? []) {
          const denied = restoreDeniedInDeferred(requestContext.schema as GraphQLSchema, requestContext.document, requestContext.operationName, authorized, entry, variables);
          if (denied.length > 0) entry.errors = [...(entry.errors ?? []), ...denied];
        }
        return later;
      });
      const errors = [...((result as { errors?: readonly GraphQLError[] }).errors ?? []), ...restored.errors];
      return { ...result, data: restored.data, ...(errors.length ? { errors } : {}) };
    };
    return { ...loaded, executor };
  };
  return gateway;

  function authorizedFor(requestContext: RequestContext, viewer: Viewer | null) {
    let byKey = cache.get(requestContext.document);
    if (!byKey) cache.set(requestContext.document, (byKey = new Map()));
    const key = accessKey(viewer);
    let entry = byKey.get(key);
    if (!entry) {
      const authorized = authorizeDocument(requestContext.schema as GraphQLSchema, requirements, requestContext.document, viewer);
      entry = { authorized, queryHash: authorized ? createHash('sha256').update(print(authorized.document)).digest('hex') : undefined };
      byKey.set(key, entry);
    }
    return entry;
  }
}
