import type { SubsequentResult } from './deferred-delivery';

/**
 * The payloads after the first of an operation with @defer. @apollo/gateway's executor contract
 * returns one result, so the plan executor hands the rest over here, keyed by the request's
 * context object (one per request, the same object Apollo Server's plugins see); the delivery
 * plugin (http/incremental-delivery.ts) takes them and turns the response into an incremental one.
 */
const pending = new WeakMap<object, AsyncIterable<SubsequentResult>>();

export function putSubsequentResults(context: object, results: AsyncIterable<SubsequentResult>): void {
  pending.set(context, results);
}

export function takeSubsequentResults(context: object): AsyncIterable<SubsequentResult> | undefined {
  const results = pending.get(context);
  pending.delete(context);
  return results;
}

/** For wrappers of the executor that post-process results (edge authorization): each later payload mapped too. */
export function mapSubsequentResults(context: object, map: (result: SubsequentResult) => SubsequentResult): void {
  const results = pending.get(context);
  if (!results) return;
  pending.set(context, {
    async *[Symbol.asyncIterator]() {
      for await (const result of results) yield map(result);
    },
  });
}
