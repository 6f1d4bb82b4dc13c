import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { GATEWAY_TOKEN_HEADER, injectTraceHeaders, tracingEnabled } from '@mosaic/kit';
import type { GatewayContext } from './context';

type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/**
 * Apollo's HTTP data source with Mosaic's rules: forwards the caller's bearer token (each
 * subgraph verifies it again) and request id, signs the gateway trust header, retries a *query*
 * once when the connection failed before any answer (never a mutation), and turns network
 * failures into an UNAVAILABLE error naming the service — no internal URL or socket error text.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Signs the gateway trust header (see kit's gateway-trust.ts); absent when no secret is configured. */
  gatewayToken?: () => string;
  /** Sees every subgraph request's duration and outcome (metrics). */
  observe?: (serviceName: string, seconds: number, ok: boolean) => void;

  constructor(
    readonly serviceName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (this.gatewayToken) request.http?.headers.set(GATEWAY_TOKEN_HEADER, this.gatewayToken());
    // Runs inside @apollo/gateway's fetch span: the subgraph continues this trace.
    if (tracingEnabled()) injectTraceHeaders((name, value) => request.http?.headers.set(name, value));
    if (!('requestId' in context)) return;
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const startedAt = performance.now();
    let ok = false;
    try {
      const result = await this.processWithRetry(options);
      ok = !result.errors?.length;
      return result;
    } finally {
      this.observe?.(this.serviceName, (performance.now() - startedAt) / 1000, ok);
    }
  }

  private async processWithRetry(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    try {
      return await super.process(options);
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      if (isQuery(options.request.query)) {
        try {
          return await super.process(options);
        } catch (retryError) {
          if (!isNetworkFailure(retryError)) throw retryError;
        }
      }
      throw unavailable(this.serviceName, error);
    }
  }
}

/**
 * Connection refused/reset or a timeout: nothing usable came back. Covers Node's fetch (TypeError
 * "fetch failed", TimeoutError) and Apollo's default fetcher (FetchError of type "system").
 */
function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return error.name === 'FetchError' && (error as { type?: string }).type === 'system';
}

function isQuery(query: string | undefined): boolean {
  return query !== undefined && /^\s*(query\b|\{)/.test(query);
}

function unavailable(serviceName: string, cause: unknown): GraphQLError {
  const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
  return new GraphQLError(
    timedOut
      ? `The ${serviceName} service did not answer in time; fields it provides are missing from this response. Try again shortly.`
      : `The ${serviceName} service is not reachable right now; fields it provides are missing from this response. Try again shortly.`,
    { extensions: { code: 'UNAVAILABLE', serviceName } },
  );
}
