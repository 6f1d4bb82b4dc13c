import type { PubSub } from '@mosaic/kit';

/**
 * A pub/sub that counts the live subscriptions per topic, so a test acts once a stream is open
 * (a publish before that would be missed) instead of sleeping.
 */
export function withListenerCounts(pubsub: PubSub): PubSub & { listeners: Map<string, number> } {
  const listeners = new Map<string, number>();
  const change = (topic: string, by: number) => listeners.set(topic, (listeners.get(topic) ?? 0) + by);
  return {
    listeners,
    publish: (topic, payload) => pubsub.publish(topic, payload),
    async subscribe(topic, listener) {
      const unsubscribe = await pubsub.subscribe(topic, listener);
      change(topic, 1);
      return async () => {
        change(topic, -1);
        await unsubscribe();
      };
    },
    close: () => pubsub.close(),
  };
}
