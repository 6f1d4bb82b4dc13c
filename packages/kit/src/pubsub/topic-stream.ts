import type { PubSub } from './pubsub';

/** Marks a subscription stream whose events are the same for every viewer admitted to it. */
export const SHARE_KEY = Symbol.for('mosaic.subscription.shareKey');
/** Marks a stream whose events supersede earlier ones with the same value of a field (latest price per symbol). */
export const CONFLATE_BY = Symbol.for('mosaic.subscription.conflateBy');

export interface TopicStreamOptions<T> {
  /** Messages queued for a slow reader before the stream ends with an error (never unbounded). */
  bufferLimit?: number;
  filter?: (payload: T) => boolean;
  /**
   * Set when every admitted viewer sees the same events (e.g. a room's messages for its members):
   * the gateway then serves all of them from one upstream subscription. Unset → the stream is
   * private to the viewer who opened it.
   */
  shareKey?: string;
  /**
   * Set when a newer event replaces an older one with the same value of this field of the root
   * field's object (e.g. `symbol` for quotes): a client too slow to read every event then gets
   * the latest per value instead of being disconnected.
   */
  conflateBy?: string;
}

export class StreamOverflowError extends Error {
  constructor(limit: number) {
    super(`The subscriber fell more than ${limit} events behind; resubscribe to continue.`);
  }
}

/**
 * An async iterator over a pub/sub topic for a GraphQL subscription resolver. The pub/sub
 * subscription is made when the iterator is created (so events published right after subscribing
 * are not lost) and released on `return()` (client complete, socket close).
 */
export async function topicStream<T>(pubsub: PubSub, topic: string, options: TopicStreamOptions<T> = {}): Promise<AsyncIterableIterator<T>> {
  const limit = options.bufferLimit ?? 1_000;
  const queue: T[] = [];
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let failure: Error | null = null;
  let done = false;

  const unsubscribe = await pubsub.subscribe(topic, (payload) => {
    if (done || (options.filter && !options.filter(payload as T))) return;
    const waiter = waiting.shift();
    if (waiter) return waiter({ value: payload as T, done: false });
    if (queue.length >= limit) {
      failure = new StreamOverflowError(limit);
      void finish();
      return;
    }
    queue.push(payload as T);
  });

  async function finish(): Promise<IteratorResult<T>> {
    if (!done) {
      done = true;
      await unsubscribe();
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
    }
    return { value: undefined, done: true };
  }

  const iterator: AsyncIterableIterator<T> & { [SHARE_KEY]?: string; [CONFLATE_BY]?: string } = {
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
      if (failure) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  if (options.shareKey !== undefined) iterator[SHARE_KEY] = options.shareKey;
  if (options.conflateBy !== undefined) iterator[CONFLATE_BY] = options.conflateBy;
  return iterator;
}
