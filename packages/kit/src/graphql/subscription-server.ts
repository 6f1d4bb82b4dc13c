import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { SUBSCRIPTION_VOUCH_EXTENSION, verifySubscriptionVouch } from '../auth/gateway-trust';
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
  /**
   * With the gateway's secret, a subscription may carry the gateway's vouch for a viewer instead of
   * a token on the connection (see gateway-trust.ts); `audience` is this subgraph's name.
   */
  gatewayTrust?: { secret: string; audience: string };
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
 * A subscription vouched for by the gateway runs as the vouched viewer; a vouch that does not
 * verify for exactly that operation is refused (FORBIDDEN), never downgraded to the connection's.
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
  /** Per connection: operation id → the viewer the gateway vouched for. */
  const vouched = new WeakMap<object, Map<string, Viewer | null>>();
  const trust = options.gatewayTrust;
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
      onSubscribe: (ctx, id, payload) => {
        const vouch = payload.extensions?.[SUBSCRIPTION_VOUCH_EXTENSION];
        if (vouch === undefined) return undefined;
        const verified = trust && verifySubscriptionVouch(trust.secret, trust.audience, vouch, payload);
        if (!verified) return [new GraphQLError('The gateway vouch for this subscription is not valid here.', { extensions: { code: 'FORBIDDEN' } })];
        let byId = vouched.get(ctx);
        if (!byId) vouched.set(ctx, (byId = new Map()));
        byId.set(id, verified.viewer);
        return undefined;
      },
      context: (ctx, id) => {
        const byId = vouched.get(ctx);
        const viewer = byId?.has(id) ? byId.get(id)! : (viewers.get(ctx) ?? null);
        return options.context(viewer, ctx.extra.request) as Promise<Record<string, unknown>>;
      },
      onComplete: (ctx, id) => {
        vouched.get(ctx)?.delete(id);
      },
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
