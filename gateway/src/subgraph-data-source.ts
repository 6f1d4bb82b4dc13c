import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CLIENT_IP_HEADER, CLIENT_USER_AGENT_HEADER, injectTraceHeaders, tracingEnabled, type GatewayRequestSigner } from '@mosaic/kit';
import { narrowest, recordUpstreamCacheControl, type EntityCache } from './cache/entity-cache';
import { viewerKeyOf } from './cache/viewer-key';
import type { GatewayContext } from './context';
import { DEDUPLICATED, dedupeRepresentations, expandEntities, type DedupedRepresentations } from './fetch/entity-dedup';
import { createSubgraphHttpClient, SubgraphConnectionError, SubgraphTimeoutError, type SubgraphHttpClient, type SubgraphResponse } from './fetch/http-client';

type ProcessResult = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

export interface SubgraphDataSourceOptions {
  timeoutMs: number;
  /** Signs each request's gateway trust header (see kit's gateway-trust.ts); absent when no secret is configured. */
  sign?: GatewayRequestSigner | undefined;
  /** Sees every subgraph request's duration and outcome (metrics). */
  observe?: (serviceName: string, seconds: number, ok: boolean) => void;
  /** Per-entity cache of `_entities` fetches (cache/entity-cache.ts); absent: every fetch goes to the subgraph. */
  entityCache?: EntityCache | undefined;
}

interface Prepared {
  body: string;
  dedup: DedupedRepresentations | null;
}

interface Sent {
  response: SubgraphResponse;
  dedup: DedupedRepresentations | null;
}

/**
 * The planner's entity fetches, and only those: user operations cannot select `_entities`. A fetch
 * whose fields take the client's variables declares them after `$representations`; those are the
 * same for every position, so the representations alone are deduplicated.
 */
export const ENTITIES_FETCH = /^query[^{(]*\(\$representations:\[_Any!\]!(?:,\$[_A-Za-z][_0-9A-Za-z]*:[^,)]+)*\)\{_entities\(representations:\$representations\)/;

/** Entity fetches the plan executor merged into one request (execution/merged-fetches.ts). */
const MERGED_ENTITIES_FETCH = /^query[^{(]*\([^)]*\)\{_0:_entities\(representations:\$__r0\)/;

/**
 * How the gateway calls a subgraph: a lean keep-alive HTTP client, `_entities` representations
 * deduplicated (entity-dedup.ts), the caller's bearer token, request id, trace context and the
 * gateway trust header forwarded; a *query* is retried once when the connection failed before
 * any answer (never a mutation), and a subgraph that cannot be reached becomes an UNAVAILABLE
 * error naming the service — no internal URL or socket error text.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly http: SubgraphHttpClient;
  /**
   * Identical queries in flight (same document, variables and credentials) share one request:
   * by the caller's Authorization header, then by request body (no key string joins the two: bodies are large).
   */
  private readonly inflight = new Map<string, Map<string, Promise<Sent>>>();

  constructor(
    readonly serviceName: string,
    readonly url: string,
    private readonly options: SubgraphDataSourceOptions,
  ) {
    this.http = createSubgraphHttpClient(url, { sign: options.sign });
  }

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    return this.send(options);
  }

  close(): void {
    this.http.close();
  }

  /** Whether the subgraph answers `{ __typename }` within `timeoutMs` (health reporting, not readiness). */
  async probe(timeoutMs: number): Promise<boolean> {
    try {
      const response = await this.http.post('{"query":"{ __typename }"}', {}, timeoutMs);
      return response.status === 200 && (JSON.parse(response.body) as { data?: unknown }).data !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * The entity cache's hook: a query plan's `_entities` fetch asks the cache first, and only the
   * representations it misses go on to the subgraph (with the executor's deduplication mark, when
   * it had one). Fetches after a mutation or for a subscription event always read the subgraph.
   */
  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const cache = this.options.entityCache;
    const { query, variables } = options.request;
    if (!cache || query === undefined || !variables || !inQueryPlan(options) || !(ENTITIES_FETCH.test(query) || MERGED_ENTITIES_FETCH.test(query))) return this.fetch(options);
    const context = options.context as GatewayContext;
    if (context.cacheBypass) return this.fetch(options);
    const tags = (context.cacheTags ??= new Set());
    return cache.resolve(
      this.serviceName,
      query,
      variables,
      () => viewerKeyOf(context.viewer),
      (narrowed) => {
        if (narrowed === variables) return this.fetch(options);
        if (DEDUPLICATED.has(variables)) DEDUPLICATED.add(narrowed);
        return this.fetch({ ...options, request: { ...options.request, variables: narrowed } });
      },
      (entity) => tags.add(entity),
    );
  }

  /** One request to the subgraph (what the metrics count: entities served from the cache are not requests). */
  private async fetch(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const startedAt = performance.now();
    let ok = false;
    try {
      const result = await this.request(options);
      ok = !result.errors?.length;
      return result;
    } finally {
      this.options.observe?.(this.serviceName, (performance.now() - startedAt) / 1000, ok);
    }
  }

  private async request(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const { query, operationName } = options.request;
    const variables = options.request.variables;
    const request = JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
    const headers = this.headersFor(options);
    const entitiesFetch = query !== undefined && !(variables && DEDUPLICATED.has(variables)) && ENTITIES_FETCH.test(query) && Array.isArray(variables?.representations);
    const prepare = (): Prepared => {
      const dedup = entitiesFetch ? dedupeRepresentations(variables!.representations as unknown[]) : null;
      return { dedup, body: dedup ? JSON.stringify({ query, variables: { ...variables, representations: dedup.unique }, ...(operationName ? { operationName } : {}) }) : request };
    };
    const read = isQuery(query);
    const { response, dedup } = read && inQueryPlan(options) ? await this.shared(request, headers, prepare) : await this.post(prepare(), headers, read);
    // Parsed per caller: the executor merges into what it gets, so callers never share objects.
    const result = parseResponse(response, this.serviceName);
    const answer = dedup ? expandEntities(result, dedup) : result;
    const cacheControl = response.headers['cache-control'];
    if (typeof cacheControl === 'string') {
      const upstream = recordUpstreamCacheControl(answer, cacheControl);
      // What the client's response may be cached for, too (as Apollo's RemoteGraphQLDataSource honours it).
      if (options.kind === 'incoming operation' && 'requestId' in options.context) options.context.cacheUpstream = narrowest(upstream, options.context.cacheUpstream);
    }
    return answer;
  }

  /**
   * Concurrent identical queries — common when many clients run the same operation — ride on one
   * subgraph request. The key is everything that can change the answer: the request as the
   * executor built it (document, variables, representations) and the caller's credentials.
   * Only fetches of query plans share: the `_entities` reads that follow a mutation (or a
   * subscription event) must see the write, not ride on a read that started before it. Callers
   * reuse the first caller's deduplication too.
   */
  private shared(request: string, headers: Record<string, string>, prepare: () => Prepared): Promise<Sent> {
    const viewer = headers.authorization ?? '';
    const requests = this.inflight.get(viewer) ?? new Map<string, Promise<Sent>>();
    let pending = requests.get(request);
    if (!pending) {
      pending = this.post(prepare(), headers, true).finally(() => {
        requests.delete(request);
        if (requests.size === 0) this.inflight.delete(viewer);
      });
      requests.set(request, pending);
      this.inflight.set(viewer, requests);
    }
    return pending;
  }

  private async post(prepared: Prepared, headers: Record<string, string>, retryable: boolean): Promise<Sent> {
    return { response: await this.postWithRetry(prepared.body, headers, retryable), dedup: prepared.dedup };
  }

  private headersFor(options: GraphQLDataSourceProcessOptions<GatewayContext>): Record<string, string> {
    const headers: Record<string, string> = {};
    // Runs inside @apollo/gateway's fetch span: the subgraph continues this trace.
    if (tracingEnabled()) injectTraceHeaders((name, value) => (headers[name] = value));
    // (GraphQLDataSourceRequestKind is not exported by @apollo/gateway; this is its INCOMING_OPERATION value.)
    if (options.kind === 'incoming operation' && 'requestId' in options.context) {
      if (options.context.authorization) headers.authorization = options.context.authorization;
      headers['x-request-id'] = options.context.requestId;
      const client = options.context.client;
      if (client?.ip) headers[CLIENT_IP_HEADER] = client.ip;
      if (client?.userAgent) headers[CLIENT_USER_AGENT_HEADER] = client.userAgent;
    }
    return headers;
  }

  private async postWithRetry(body: string, headers: Record<string, string>, retryable: boolean) {
    try {
      return await this.http.post(body, headers, this.options.timeoutMs);
    } catch (error) {
      if (retryable && error instanceof SubgraphConnectionError) {
        try {
          return await this.http.post(body, headers, this.options.timeoutMs);
        } catch (retryError) {
          throw unavailable(this.serviceName, retryError);
        }
      }
      throw unavailable(this.serviceName, error);
    }
  }
}

/** Whether the client operation this fetch belongs to is a query (not a mutation or subscription). */
function inQueryPlan(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  return options.kind === 'incoming operation' && options.incomingRequestContext.operation?.operation === 'query';
}

function isQuery(query: string | undefined): boolean {
  return query !== undefined && /^\s*(query\b|\{)/.test(query);
}

/** A subgraph's answer as the executor expects it; a non-GraphQL body is an error naming the service. */
function parseResponse(response: { status: number; body: string }, serviceName: string): ProcessResult {
  let parsed: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> };
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    throw new GraphQLError(`The ${serviceName} service sent an answer that is not GraphQL (HTTP ${response.status}).`, { extensions: { code: 'UNAVAILABLE', serviceName } });
  }
  if (parsed === null || typeof parsed !== 'object' || (!('data' in parsed) && !('errors' in parsed))) {
    throw new GraphQLError(`The ${serviceName} service sent an answer that is not GraphQL (HTTP ${response.status}).`, { extensions: { code: 'UNAVAILABLE', serviceName } });
  }
  return parsed as ProcessResult;
}

function unavailable(serviceName: string, cause: unknown): GraphQLError {
  if (!(cause instanceof SubgraphConnectionError) && !(cause instanceof SubgraphTimeoutError)) return cause instanceof GraphQLError ? cause : new GraphQLError(String(cause));
  const timedOut = cause instanceof SubgraphTimeoutError;
  return new GraphQLError(
    timedOut
      ? `The ${serviceName} service did not answer in time; fields it provides are missing from this response. Try again shortly.`
      : `The ${serviceName} service is not reachable right now; fields it provides are missing from this response. Try again shortly.`,
    { extensions: { code: 'UNAVAILABLE', serviceName } },
  );
}
