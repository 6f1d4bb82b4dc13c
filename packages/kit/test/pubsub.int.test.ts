import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, createMemoryPubSub, createRedisPubSub, topicStream, type PubSub } from '../src/index';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = createLogger('test', { level: 'silent' });
const open: PubSub[] = [];
afterEach(async () => {
  for (const pubsub of open.splice(0)) await pubsub.close();
});

const backends: [string, () => Promise<PubSub>][] = [
  ['memory', async () => createMemoryPubSub()],
  ['redis', async () => createRedisPubSub(REDIS_URL, log, `mosaic-test-${process.pid}-${Date.now()}:`)],
];

describe.each(backends)('%s pub/sub', (_name, create) => {
  it('delivers in order to every listener of a topic, and nothing after unsubscribe', async () => {
    const pubsub = await create();
    open.push(pubsub);
    const seen: unknown[] = [];
    const unsubscribe = await pubsub.subscribe('room.1', (m) => seen.push(m));
    await pubsub.subscribe('room.2', () => seen.push('wrong topic'));
    for (let i = 0; i < 50; i++) await pubsub.publish('room.1', { i });
    await expect.poll(() => seen.length).toBe(50);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => ({ i })));
    await unsubscribe();
    await pubsub.publish('room.1', { i: 99 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(50);
  });

  it('topic streams end with an error instead of buffering without bound', async () => {
    const pubsub = await create();
    open.push(pubsub);
    const stream = await topicStream<{ i: number }>(pubsub, 'busy', { bufferLimit: 3 });
    for (let i = 0; i < 5; i++) await pubsub.publish('busy', { i });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await stream.next()).value).toEqual({ i: 0 });
    await stream.next();
    await stream.next();
    await expect(stream.next()).rejects.toThrow(/fell more than 3 events behind/);
    expect((await stream.next()).done).toBe(true);
  });
});

describe('redis pub/sub across processes', () => {
  it('a message published through one connection reaches a listener on another (two replicas)', async () => {
    const prefix = `mosaic-test-x-${process.pid}-${Date.now()}:`;
    const replicaA = await createRedisPubSub(REDIS_URL, log, prefix);
    const replicaB = await createRedisPubSub(REDIS_URL, log, prefix);
    open.push(replicaA, replicaB);
    const seen: unknown[] = [];
    await replicaB.subscribe('chat', (m) => seen.push(m));
    await replicaA.publish('chat', { text: 'hi' });
    await expect.poll(() => seen).toEqual([{ text: 'hi' }]);
  });
});
