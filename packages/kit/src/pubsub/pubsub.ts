/**
 * Fan-out of ephemeral messages (live chat events, typing, prices) between replicas. Delivery is
 * at-most-once and in publish order per topic per replica; durable domain events go through the
 * outbox/event bus instead.
 */
export type Listener = (payload: unknown) => void;

export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is live (so a publish after it is seen); returns the unsubscribe. */
  subscribe(topic: string, listener: Listener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * All-in-one mode: one process, so a map of listeners. Payloads go through JSON like they would
 * through Redis, so code that works here works there (no shared mutable objects, no Dates).
 */
export function createMemoryPubSub(): PubSub {
  const topics = new Map<string, Set<Listener>>();
  return {
    async publish(topic, payload) {
      const listeners = topics.get(topic);
      if (!listeners?.size) return;
      const message = JSON.stringify(payload);
      queueMicrotask(() => {
        for (const listener of listeners) listener(JSON.parse(message));
      });
    },
    async subscribe(topic, listener) {
      let listeners = topics.get(topic);
      if (!listeners) topics.set(topic, (listeners = new Set()));
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
        if (listeners.size === 0) topics.delete(topic);
      };
    },
    async close() {
      topics.clear();
    },
  };
}
