import type { IncomingMessage, Server } from 'node:http';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../logger';

export interface SubscriptionServerOptions<C> {
  schema: GraphQLSchema;
  path: string;
  verifier: TokenVerifier;
  log: Logger;
  context: (viewer: Viewer | null, request: IncomingMessage) => C | Promise<C>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** Largest message a client may send, in bytes. */
  maxPayload?: number;
  /** Refuses the WebSocket upgrade unless this returns true (the gateway trust check). */
  acceptUpgrade?: (req: IncomingMessage) => boolean;
}

/** `Authorization` from connection_init params (any casing), else from the upgrade request. */
export function authorizationFrom(params: Readonly<Record<string, unknown>> | undefined, headerValue: string | undefined): string | undefined {
  for (const [key, value] of Object.entries(params ?? {})) {
    if (key.toLowerCase() === 'authorization' && typeof value === 'string') return value;
  }
  return headerValue;
}

/**
 * graphql-ws on the subgraph's HTTP server (same path as HTTP GraphQL). The token is verified on
 * `connection_init`: a bad token closes the socket with 4403; no init within 10 s closes with 4408.
 */
export function attachSubscriptionServer<C>(server: Server, options: SubscriptionServerOptions<C>): { close(): Promise<void> } {
  const acceptUpgrade = options.acceptUpgrade;
  const wss = new WebSocketServer({
    server,
    path: options.path,
    maxPayload: options.maxPayload ?? 64 * 1024,
    ...(acceptUpgrade ? { verifyClient: ({ req }: { req: IncomingMessage }) => acceptUpgrade(req) } : {}),
  });
  const viewers = new WeakMap<object, Viewer | null>();
  const disposable = useServer<Record<string, unknown>, { viewer?: Viewer | null }>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: async (ctx) => {
        try {
          const viewer = await options.verifier.viewerFromHeader(authorizationFrom(ctx.connectionParams, ctx.extra.request.headers.authorization));
          viewers.set(ctx, viewer);
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => options.context(viewers.get(ctx) ?? null, ctx.extra.request) as Promise<Record<string, unknown>>,
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result, options.formatError),
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => options.formatError(error.toJSON(), error)),
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function formatResult(result: ExecutionResult, format: SubscriptionServerOptions<unknown>['formatError']): FormattedExecutionResult | undefined {
  if (!result.errors?.length) return undefined;
  return { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) };
}
