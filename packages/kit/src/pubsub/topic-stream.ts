import type { PubSub } from './pubsub';

/** Marks a subscription stream whose events are the same for every viewer admitted to it. */
export const SHARE_KEY = Symbol.for('mosaic.subscription.shareKey');
/** Marks a stream whose events supersede earlier ones with the same value of a field (latest price per symbol). */
export const CONFLATE_BY = Symbol.for('mosaic.subscription.conflateBy');

export interface TopicStreamOptions<T> {
  /**
   * Without `keyOf`: every event is queued for a slow reader, up to this many, then the stream
   * ends with an error (never unbounded). Right for chat, where each event matters.
   */
  bufferLimit?: number;
  /**
   * With `keyOf`: a newer event replaces a waiting one with the same key (the latest price per
   * symbol), so the queue is bounded by the number of keys and never overflows. Right for prices.
   */
  keyOf?: (payload: T) => string;
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
   * the latest per value from the gateway instead of being disconnected.
   */
  conflateBy?: string;
  /** Runs once when the stream ends (client completes, socket closes, admission check ends). */
  onClose?: () => void;
}

export class StreamOverflowError extends Error {
  constructor(limit: number) {
    super(`The subscriber fell more than ${limit} events behind; resubscribe to continue.`);
  }
}

/**
 * An async iterator over one or more pub/sub topics for a GraphQL subscription resolver. The
 * pub/sub subscriptions are made when the iterator is created (so events published right after
 * subscribing are not lost) and released on `return()` (client complete, socket close).
 */
export async function topicStream<T>(pubsub: PubSub, topics: string | readonly string[], options: TopicStreamOptions<T> = {}): Promise<AsyncIterableIterator<T>> {
  const limit = options.bufferLimit ?? 1_000;
  const keyOf = options.keyOf;
  // Insertion-ordered either way; keyed, a busy key keeps its place and does not push others back.
  const queue = new Map<string | number, T>();
  let sequence = 0;
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let failure: Error | null = null;
  let done = false;

  const deliver = (payload: unknown) => {
    if (done || (options.filter && !options.filter(payload as T))) return;
    const waiter = waiting.shift();
    if (waiter) return waiter({ value: payload as T, done: false });
    if (keyOf) {
      queue.set(keyOf(payload as T), payload as T);
      return;
    }
    if (queue.size >= limit) {
      failure = new StreamOverflowError(limit);
      void finish();
      return;
    }
    queue.set(sequence++, payload as T);
  };

  let unsubscribes: (() => Promise<void>)[];
  try {
    unsubscribes = await Promise.all((typeof topics === 'string' ? [topics] : topics).map((topic) => pubsub.subscribe(topic, deliver)));
  } catch (error) {
    options.onClose?.();
    throw error;
  }

  async function finish(): Promise<IteratorResult<T>> {
    if (!done) {
      done = true;
      if (keyOf) queue.clear();
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
      options.onClose?.();
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    }
    return { value: undefined, done: true };
  }

  const iterator: AsyncIterableIterator<T> & { [SHARE_KEY]?: string; [CONFLATE_BY]?: string } = {
    next() {
      const first = queue.entries().next();
      if (!first.done) {
        queue.delete(first.value[0]);
        return Promise.resolve({ value: first.value[1], done: false });
      }
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
