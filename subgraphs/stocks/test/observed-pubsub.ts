import type { PubSub } from '@mosaic/kit';

/** A pub/sub that records which topics have live listeners, so a test can wait until a subscription is in place. */
export function observedPubSub(inner: PubSub): PubSub & { listening(topic: string): boolean } {
  const counts = new Map<string, number>();
  return {
    publish: (topic, payload) => inner.publish(topic, payload),
    async subscribe(topic, listener) {
      const unsubscribe = await inner.subscribe(topic, listener);
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
      return async () => {
        counts.set(topic, (counts.get(topic) ?? 1) - 1);
        await unsubscribe();
      };
    },
    close: () => inner.close(),
    listening: (topic) => (counts.get(topic) ?? 0) > 0,
  };
}
