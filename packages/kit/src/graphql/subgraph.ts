import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { enforceAccessDirectives, type Policies } from '../auth/access-directives';
import { standardPolicies } from '../auth/standard-policies';
import { authorizationFor, type Authorization } from '../auth/authorization';
import type { Principal, ServicePrincipal, Viewer } from '../auth/viewer';
import { clientInfoOf, type ClientInfo } from '../http/client-info';
import { asHttpError, UserInputError } from '../errors/errors';
import { createErrorFormatter } from '../errors/format-error';
import type { Logger } from '../logger';
import type { TokenVerifier } from '../auth/token-verifier';
import { graphqlHandler, requestIdOf, sendJson, type RequestHandler } from '../http/graphql-handler';
import { readBody } from '../http/read-body';
import { ADMISSION_HEADER, ADMISSION_RESPONSE_HEADERS, admitSubscription, formatWith, type AdmissionRequest } from './subscription-admission';
import { attachSubscriptionServer } from './subscription-server';
import { contextFromHeaders, inSpan, SpanKind } from '../observability/tracing';

/** What every request context carries, in every subgraph. */
export interface RequestContext extends ApolloBaseContext {
  viewer: Viewer | null;
  /** Set instead of `viewer` for a client-credentials token: an app acting for itself, no user. */
  service: ServicePrincipal | null;
  /** Who is on the other end, as the gateway saw them (sessions, per-address limits). */
  client: ClientInfo;
  /** Authorization checks for domain functions (`ctx.auth.require('todos:write')`). */
  auth: Authorization;
  requestId: string;
  log: Logger;
}

export interface SubgraphOptions<C extends RequestContext> {
  /** From the build's dependencies (`BuildDeps`): the subgraph's name and SDL, its token verifier and logger. */
  deps: { name: string; typeDefs: DocumentNode; verifier: TokenVerifier; log: Logger };
  /**
   * The subgraph's codegen `Resolvers` (typed against its context). Apollo's own
   * `GraphQLResolverMap` cannot express `__resolveReference`'s signature, hence the wider type.
   */
  resolvers: Readonly<Record<string, object | undefined>>;
  /** Subgraph-specific policies for `@policy`, added to the standard `self` / `admin`. */
  policies?: Policies<C>;
  /** Extends the base context with the subgraph's own per-request state (db, loaders). */
  context: (base: RequestContext) => C | Promise<C>;
}

/** How the subscription socket knows the gateway: the upgrade check, and the secret its vouches are signed with. */
export interface SubscriptionTrust {
  acceptUpgrade(req: IncomingMessage): boolean;
  gatewaySecret?: string | undefined;
}

/** A built subgraph; its context type stays inside, so subgraphs of any context fit one registry. */
export interface Subgraph {
  name: string;
  schema: GraphQLSchema;
  /** POST/GET GraphQL over HTTP (and subscription admission); the caller must `start()` first. */
  handleGraphQL: RequestHandler;
  /** graphql-ws on the same path, when the schema has subscriptions. */
  attachSubscriptions?(server: Server, path: string, trust?: SubscriptionTrust): { close(): Promise<void> };
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds an Apollo Federation 2 subgraph: schema from SDL + resolvers, access directives enforced
 * on fields and entity references, errors masked, no landing page (subgraphs are internal: clients
 * use the gateway). Does not listen; see `serveSubgraph`.
 */
export function createSubgraph<C extends RequestContext>(options: SubgraphOptions<C>): Subgraph {
  const schema = enforceAccessDirectives<C>(
    buildSubgraphSchema({ typeDefs: options.deps.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    { ...(standardPolicies as Policies<C>), ...options.policies },
  );
  const log = options.deps.log.child({ subgraph: options.deps.name });
  const formatError = createErrorFormatter(log);
  const server = new ApolloServer<C>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    logger: log,
    // The process that runs the subgraph stops it, in order with everything else, on SIGTERM;
    // Apollo's own handlers would add a listener pair per subgraph (one process runs them all).
    stopOnTerminationSignals: false,
  });
  const contextForPrincipal = (principal: Principal | null, client: ClientInfo, requestId: string = randomUUID()) => {
    const viewer = principal?.kind === 'user' ? principal.viewer : null;
    const service = principal?.kind === 'service' ? principal.service : null;
    return options.context({
      viewer,
      service,
      client,
      auth: authorizationFor(viewer, service),
      requestId,
      log: log.child({ requestId }),
    });
  };
  async function contextFor(req: IncomingMessage, requestId: string): Promise<C> {
    const principal = await options.deps.verifier.principalFromHeader(req.headers.authorization).catch(asHttpError(401));
    return contextForPrincipal(principal, clientInfoOf(req), requestId);
  }
  const handleHttp = graphqlHandler({ server, context: contextFor });
  const hasSubscriptions = Boolean(schema.getSubscriptionType());

  const handleAdmission: RequestHandler = async (req, res) => {
    let request: AdmissionRequest;
    let viewer: Viewer | null;
    try {
      request = JSON.parse(await readBody(req, 64 * 1024)) as AdmissionRequest;
      if (typeof request.query !== 'string') throw new UserInputError('An admission request needs a "query".');
      viewer = await options.deps.verifier.viewerFromHeader(req.headers.authorization);
    } catch (error) {
      const formatted = error instanceof GraphQLError ? formatError(error.toJSON(), error) : { message: 'Bad admission request.', extensions: { code: 'BAD_REQUEST' } };
      return sendJson(res, 200, { admitted: false, errors: [formatted] }, ADMISSION_RESPONSE_HEADERS);
    }
    const context = await contextForPrincipal(viewer && { kind: 'user', viewer }, clientInfoOf(req), requestIdOf(req));
    sendJson(res, 200, await admitSubscription(schema, request, context, formatWith(formatError)), ADMISSION_RESPONSE_HEADERS);
  };

  const handle: RequestHandler = (req, res) => (hasSubscriptions && req.headers[ADMISSION_HEADER] ? handleAdmission(req, res) : handleHttp(req, res));
  return {
    name: options.deps.name,
    schema,
    // Continues the caller's trace (the gateway sends `traceparent`).
    handleGraphQL: (req, res) =>
      inSpan(`${options.deps.name}.request`, { 'mosaic.subgraph': options.deps.name }, () => handle(req, res), contextFromHeaders(req.headers), SpanKind.SERVER),
    ...(hasSubscriptions
      ? {
          attachSubscriptions: (httpServer: Server, path: string, trust?: SubscriptionTrust) =>
            attachSubscriptionServer(httpServer, {
              schema,
              path,
              verifier: options.deps.verifier,
              log,
              formatError,
              context: (viewer, request) => contextForPrincipal(viewer && { kind: 'user', viewer }, clientInfoOf(request)),
              ...(trust ? { acceptUpgrade: trust.acceptUpgrade } : {}),
              ...(trust?.gatewaySecret ? { gatewayTrust: { secret: trust.gatewaySecret, audience: options.deps.name } } : {}),
            }),
        }
      : {}),
    start: () => server.start(),
    stop: () => server.stop(),
  };
}
