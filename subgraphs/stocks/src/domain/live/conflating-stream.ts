import { CONFLATE_BY, SHARE_KEY, type PubSub } from '@mosaic/kit';

export interface ConflatingStreamOptions<T> {
  /** Events with the same key supersede each other while they wait for a slow reader. */
  keyOf: (payload: T) => string;
  /** See kit's TopicStreamOptions.shareKey. */
  shareKey?: string;
  /** The root object's field the key is (told to the gateway, which conflates the same way). */
  conflateBy?: string;
  /** Runs once when the stream ends (client completes, socket closes, admission check ends). */
  onClose?: () => void;
}

/**
 * Like kit's `topicStream`, for market data: it listens to several topics at once (one per
 * symbol) and, instead of queueing every event for a slow reader, keeps only the newest event per
 * key (the latest price per symbol, the latest state per candle). The queue is therefore bounded by
 * the number of keys and never overflows. (kit's topicStream takes one topic and fails a reader
 * that falls behind, which is right for chat, wrong for prices.)
 */
export async function conflatingStream<T>(pubsub: PubSub, topicNames: readonly string[], options: ConflatingStreamOptions<T>): Promise<AsyncIterableIterator<T>> {
  const pending = new Map<string, T>();
  const waiting: ((result: IteratorResult<T>) => void)[] = [];
  let done = false;

  const deliver = (payload: unknown) => {
    if (done) return;
    const waiter = waiting.shift();
    if (waiter) return waiter({ value: payload as T, done: false });
    // A Map keeps the first insertion's position: a busy key does not push the others back.
    pending.set(options.keyOf(payload as T), payload as T);
  };

  let unsubscribes: (() => Promise<void>)[] = [];
  try {
    unsubscribes = await Promise.all(topicNames.map((topic) => pubsub.subscribe(topic, deliver)));
  } catch (error) {
    options.onClose?.();
    throw error;
  }

  async function finish(): Promise<IteratorResult<T>> {
    if (!done) {
      done = true;
      pending.clear();
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
      options.onClose?.();
      await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
    }
    return { value: undefined, done: true };
  }

  const iterator: AsyncIterableIterator<T> & { [SHARE_KEY]?: string; [CONFLATE_BY]?: string } = {
    next() {
      const first = pending.entries().next();
      if (!first.done) {
        pending.delete(first.value[0]);
        return Promise.resolve({ value: first.value[1], done: false });
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
