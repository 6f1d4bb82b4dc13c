import type { Logger } from '../logger';
import type { Listener, PubSub } from './pubsub';

/**
 * Services mode: Redis pub/sub, so any replica can serve any subscriber. One publishing and one
 * subscribing connection per process; a Redis channel is subscribed while at least one local
 * listener needs it, and each message is parsed once per process, then handed to every listener.
 */
export async function createRedisPubSub(url: string, log: Logger, prefix = 'mosaic:'): Promise<PubSub> {
  // Loaded only in services mode.
  const { Redis } = await import('ioredis');
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const topics = new Map<string, Set<Listener>>();
  const pending = new Map<string, Promise<unknown>>();

  subscriber.on('message', (channel: string, message: string) => {
    const listeners = topics.get(channel.slice(prefix.length));
    if (!listeners?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch (error) {
      log.warn({ err: error, channel }, 'dropping a pub/sub message that is not JSON');
      return;
    }
    for (const listener of listeners) listener(payload);
  });
  for (const connection of [publisher, subscriber]) connection.on('error', (error) => log.warn({ err: error }, 'redis pub/sub connection error'));

  return {
    async publish(topic, payload) {
      await publisher.publish(prefix + topic, JSON.stringify(payload));
    },
    async subscribe(topic, listener) {
      let listeners = topics.get(topic);
      if (!listeners) {
        topics.set(topic, (listeners = new Set()));
        pending.set(topic, subscriber.subscribe(prefix + topic));
      }
      listeners.add(listener);
      await pending.get(topic);
      return async () => {
        listeners.delete(listener);
        if (listeners.size === 0 && topics.get(topic) === listeners) {
          topics.delete(topic);
          pending.delete(topic);
          await subscriber.unsubscribe(prefix + topic);
        }
      };
    },
    async close() {
      topics.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
