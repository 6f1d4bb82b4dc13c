import type { IncomingMessage, Server } from 'node:http';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type FormattedExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authorizationFrom, type Logger, type TokenVerifier, type Viewer } from '@mosaic/kit';
import type { RequestGuard } from '../http/request-guard';
import { assertSupportedRootField } from './plan-subscription';
import type { SubscriptionService } from './subscription-service';

export interface SubscriptionLimits {
  maxSubscriptionsPerConnection: number;
  /** Largest client message (graphql-ws frame), bytes. */
  maxPayloadBytes: number;
  connectionInitTimeoutMs: number;
  /** Browser origins allowed to open a socket; empty = any (non-browser clients send none). */
  allowedOrigins: readonly string[];
  /** Open sockets per client address (per gateway process); 0 = unlimited. */
  maxConnectionsPerAddress: number;
}

export interface GatewaySocketOptions {
  service: SubscriptionService;
  schema: GraphQLSchema;
  /** The same operation limits as HTTP (depth, aliases, cost, …), added to the standard rules. */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  verifier: TokenVerifier;
  /** The same rate limits and trusted documents as HTTP, for the upgrade and for every operation. */
  guard: Pick<RequestGuard, 'admit' | 'hit' | 'addressOf'>;
  limits: SubscriptionLimits;
  log: Logger;
  /** Queries and mutations sent over the socket run through the gateway's normal HTTP executor; with @defer, one result per payload. */
  executeOperation(request: { document: DocumentNode; variables: Record<string, unknown> | undefined; operationName: string | null; viewer: Viewer | null; authorization: string | undefined }): Promise<FormattedExecutionResult | AsyncIterable<FormattedExecutionResult>>;
}

interface Connection {
  address: string;
  viewer: Viewer | null;
  authorization: string | undefined;
  active: Set<string>;
}

interface OperationContext {
  connection: Connection;
  ctx: Context<Record<string, unknown>, Extra>;
  id: string;
}

/**
 * graphql-ws on the gateway, on the same path as HTTP GraphQL. The access token comes in
 * `connection_init` (`{ "authorization": "Bearer …" }`) or the upgrade request's Authorization
 * header; a bad token closes with 4403, no `connection_init` within the timeout with 4408.
 * The upgrade is refused (403) from an origin not allowed, and (429) past the address's open
 * sockets or its rate-limit budget; every operation on the socket passes the same guard as an
 * HTTP request (rate limits, trusted documents) before it is validated.
 */
export function attachGatewaySubscriptions(server: Server, path: string, options: GatewaySocketOptions): { close(): Promise<void> } {
  const { limits, log } = options;
  const openPerAddress = new Map<string, number>();
  const release = (address: string) => {
    const open = (openPerAddress.get(address) ?? 1) - 1;
    if (open > 0) openPerAddress.set(address, open);
    else openPerAddress.delete(address);
  };
  const verifyClient = (info: { origin?: string; req: IncomingMessage }, accept: (ok: boolean, code?: number, message?: string, headers?: Record<string, string>) => void) => {
    if (info.origin && limits.allowedOrigins.length > 0 && !limits.allowedOrigins.includes(info.origin)) return accept(false, 403, 'Origin not allowed');
    const address = options.guard.addressOf(info.req);
    const open = openPerAddress.get(address) ?? 0;
    if (limits.maxConnectionsPerAddress > 0 && open >= limits.maxConnectionsPerAddress) return accept(false, 429, 'Too many open connections from this address');
    // Reserved now, released when the TCP socket closes: concurrent upgrades cannot overshoot.
    openPerAddress.set(address, open + 1);
    info.req.socket.once('close', () => release(address));
    options.guard.hit({ address, viewer: null }).then(
      (decision) => (decision && !decision.allowed ? accept(false, 429, 'Too many requests', { 'Retry-After': String(decision.resetSeconds) }) : accept(true)),
      (error: unknown) => {
        log.warn({ err: error }, 'rate limiter unavailable for a WebSocket upgrade');
        accept(false, 503, 'Try again shortly');
      },
    );
  };
  const wss = new WebSocketServer({ server, path, maxPayload: limits.maxPayloadBytes, verifyClient });
  const connections = new WeakMap<object, Connection>();
  // Thousands of clients send the same few subscriptions: each text is parsed and validated once,
  // and every subscriber of it shares one document.
  const checkedDocuments = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  const checkDocument = (query: string, operationName: string | null) => {
    const key = `${operationName ?? ''}\n${query}`;
    let checked = checkedDocuments.get(key);
    if (!checked) {
      checked = parseAndValidate(query, operationName, options);
      if (checkedDocuments.size >= DOCUMENT_CACHE_SIZE) checkedDocuments.delete(checkedDocuments.keys().next().value!);
      checkedDocuments.set(key, checked);
    }
    return checked;
  };
  const connectionOf = (ctx: object) => connections.get(ctx)!;

  const disposable = useServer<Record<string, unknown>>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const authorization = authorizationFrom(ctx.connectionParams, ctx.extra.request.headers.authorization);
        try {
          const viewer = await options.verifier.viewerFromHeader(authorization);
          connections.set(ctx, { address: options.guard.addressOf(ctx.extra.request), viewer, authorization, active: new Set() });
          // The upgrade request (headers, raw buffers) is not needed once the connection is
          // authenticated; with thousands of sockets it is worth not keeping.
          (ctx.extra as { request?: unknown }).request = undefined;
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const connection = connectionOf(ctx);
        if (connection.active.size >= limits.maxSubscriptionsPerConnection) {
          return [rejection(`At most ${limits.maxSubscriptionsPerConnection} subscriptions may be open on one connection; complete one first.`, 'RATE_LIMITED')];
        }
        // Reserved before anything is awaited: operations sent together cannot all pass the cap.
        connection.active.add(id);
        const refuse = (errors: readonly GraphQLError[]) => {
          connection.active.delete(id);
          return errors;
        };
        const admission = await options.guard.admit({ address: connection.address, viewer: connection.viewer }, payload);
        if ('refused' in admission) {
          const { message, code, retryAfterSeconds } = admission.refused;
          return refuse([rejection(message, code, retryAfterSeconds === undefined ? {} : { retryAfterSeconds })]);
        }
        const admitted = admission.params as typeof payload;
        const checked = checkDocument(admitted.query, admitted.operationName ?? null);
        if ('errors' in checked) return refuse(checked.errors);
        const document = checked.document;
        const contextValue: OperationContext = { connection, ctx, id };
        return {
          schema: options.schema,
          document,
          operationName: admitted.operationName ?? null,
          variableValues: admitted.variables ?? {},
          contextValue,
        } satisfies ExecutionArgs;
      },
      subscribe: async (args) => {
        const { connection, ctx, id } = args.contextValue as OperationContext;
        const operation = getOperationAST(args.document, args.operationName);
        if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION) return { errors: [rejection('Expected a subscription.', 'BAD_USER_INPUT')] };
        return options.service.subscribe({
          socket: ctx.extra.socket,
          operationId: id,
          document: args.document,
          operation,
          operationName: args.operationName ?? null,
          variables: args.variableValues as Record<string, unknown> | undefined,
          viewer: connection.viewer,
          authorization: connection.authorization,
        }) as never;
      },
      execute: async (args) => {
        const { connection } = args.contextValue as OperationContext;
        return options.executeOperation({
          document: args.document,
          variables: args.variableValues as Record<string, unknown> | undefined,
          operationName: args.operationName ?? null,
          viewer: connection.viewer,
          authorization: connection.authorization,
        }) as never;
      },
      // Results reaching graphql-ws are already formatted (errors masked, plain objects).
      onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
      onComplete: (ctx, id) => {
        connections.get(ctx)?.active.delete(id);
      },
    },
    wss,
  );
  wss.on('error', (error) => log.warn({ err: error }, 'subscription socket server error'));
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const DOCUMENT_CACHE_SIZE = 500;

/** The same codes as over HTTP: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED (or the error's own). Shared with http-subscriptions.ts. */
export function parseAndValidate(query: string, operationName: string | null, options: Pick<GatewaySocketOptions, 'schema' | 'maxTokens' | 'validationRules'>): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: options.maxTokens });
  } catch (error) {
    return { errors: [withCode(error, 'GRAPHQL_PARSE_FAILED')] };
  }
  try {
    // Checked before validation: graphql-js's single-root-field rule throws (rather than
    // reporting) on @skip/@include with a variable there.
    const operation = getOperationAST(document, operationName);
    if (operation?.operation === OperationTypeNode.SUBSCRIPTION) assertSupportedRootField(operation);
  } catch (error) {
    return { errors: [withCode(error, 'BAD_USER_INPUT')] };
  }
  try {
    const errors = validate(options.schema, document, [...specifiedRules, ...options.validationRules]);
    return errors.length > 0 ? { errors: errors.map(validationError) } : { document };
  } catch (error) {
    // Some limits (graphql-armor's) throw instead of reporting.
    return { errors: [validationError(error)] };
  }
}

/** As Apollo Server does over HTTP: every validation error is GRAPHQL_VALIDATION_FAILED, whatever code a rule gave it. */
function validationError(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(message, { ...(error instanceof GraphQLError ? { nodes: error.nodes ?? null } : {}), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
}

function withCode(error: unknown, code: string): GraphQLError {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLError(message, { ...(error instanceof GraphQLError ? { nodes: error.nodes ?? null } : {}), extensions: { code } });
}

function rejection(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
