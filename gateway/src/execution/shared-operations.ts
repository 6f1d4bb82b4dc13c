import type { ApolloGateway } from '@apollo/gateway';
import type { DocumentNode } from 'graphql';
import type { GatewayContext } from '../context';
import { deferConditions } from '../http/incremental-delivery';

type Loaded = Awaited<ReturnType<ApolloGateway['load']>>;
type Executor = Loaded['executor'];
type RequestContext = Parameters<Executor>[0];
type Executed = Awaited<ReturnType<Executor>>;

/** Results that answer more than one request: serialised once (`stringifySharedResult`). */
const sharedResults = new WeakSet<object>();
const serialisedData = new WeakMap<object, string>();
const serialisedResults = new WeakMap<object, string>();

interface Running {
  result: Promise<Executed>;
  /** The leader's context: what its fetches left there (cache tags, upstream Cache-Control). */
  context: GatewayContext;
  followers: number;
}

export interface SharedOperationsOptions {
  /** Called with each request that rode on an execution already in flight (metrics). */
  onShared?: () => void;
}

/**
 * Inbound in-flight sharing, as Hive Router's router-level deduplication: a query that arrives
 * while the same one is executing — same parsed document, operation name, variables and
 * Authorization header, so the same viewer and the same plan — waits for that execution's result
 * instead of running the plan again. It is the subgraph-level sharing (subgraph-data-source.ts)
 * one level up, with the same key: what the subgraphs would have seen is identical, so the answer
 * is too. Each request still passes Apollo Server's whole pipeline (limits, demand control and its
 * client budget, metering, metrics, the response cache) on its own. Never shared: mutations and
 * subscriptions, an operation with @defer (its later payloads belong to one request), a request
 * whose usage-reporting trace is captured, or one that bypasses the caches. The cache tags and
 * upstream Cache-Control the execution left on its context are copied to every request it answers.
 */
export function shareInflightQueries(gateway: ApolloGateway, options: SharedOperationsOptions = {}): ApolloGateway {
  const load = gateway.load.bind(gateway);
  gateway.load = async (loadOptions) => {
    const loaded = await load(loadOptions);
    const inflight = new WeakMap<DocumentNode, Map<string, Running>>();
    const executor: Executor = async (requestContext) => {
      const key = sharingKey(requestContext);
      if (key === undefined) return loaded.executor(requestContext);
      let byKey = inflight.get(requestContext.document);
      if (!byKey) inflight.set(requestContext.document, (byKey = new Map()));
      const context = requestContext.context as GatewayContext;
      const running = byKey.get(key);
      if (running) {
        running.followers += 1;
        options.onShared?.();
        const result = await running.result;
        copyCacheState(running.context, context);
        return result;
      }
      const entries = byKey;
      const entry: Running = { followers: 0, context, result: undefined as never };
      // The first reaction to the result: the entry is gone before anyone reads it, so the
      // followers are counted, and the data marked shared, before it is serialised.
      entry.result = loaded.executor(requestContext).then(
        (result) => {
          entries.delete(key);
          if (entry.followers > 0 && result.data) sharedResults.add(result.data);
          return result;
        },
        (error: unknown) => {
          entries.delete(key);
          throw error;
        },
      );
      entries.set(key, entry);
      return entry.result;
    };
    return { ...loaded, executor };
  };
  return gateway;
}

function sharingKey(requestContext: RequestContext): string | undefined {
  if (requestContext.operation.operation !== 'query') return undefined;
  if ((requestContext as { metrics?: { captureTraces?: boolean } }).metrics?.captureTraces) return undefined;
  const context = requestContext.context as Partial<GatewayContext>;
  if (context.cacheBypass || deferConditions(requestContext.document).length > 0) return undefined;
  const variables = requestContext.request.variables;
  return `${requestContext.operationName ?? ''}\n${context.authorization ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
}

function copyCacheState(from: GatewayContext, to: GatewayContext): void {
  if (from.cacheTags) to.cacheTags = new Set([...(to.cacheTags ?? []), ...from.cacheTags]);
  if (from.cacheUpstream) to.cacheUpstream = from.cacheUpstream;
}

/**
 * Apollo Server's `stringifyResult` (`JSON.stringify(result) + '\n'`, fields in the order
 * errors, data, extensions), except that a shared result is serialised once for every request it
 * answers: its whole text when it has only `data` (the same string for each response), else its
 * `data`'s text inside each response's own. Results are never changed after execution, so the
 * text stays the text of the object.
 */
export function stringifySharedResult(result: { errors?: unknown; data?: unknown; extensions?: unknown }): string {
  const data = result.data;
  if (!data || typeof data !== 'object' || !sharedResults.has(data)) return `${JSON.stringify(result)}\n`;
  const dataOnly = result.errors === undefined && result.extensions === undefined;
  const cache = dataOnly ? serialisedResults : serialisedData;
  let text = cache.get(data);
  if (text === undefined) cache.set(data, (text = dataOnly ? `{"data":${JSON.stringify(data)}}\n` : JSON.stringify(data)));
  if (dataOnly) return text;
  let json = '{';
  if (result.errors !== undefined) json += `"errors":${JSON.stringify(result.errors)},`;
  json += `"data":${text}`;
  if (result.extensions !== undefined) json += `,"extensions":${JSON.stringify(result.extensions)}`;
  return `${json}}\n`;
}
