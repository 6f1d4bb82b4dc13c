import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPubSub, type PubSub } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, testLogger, wsClient, type TestDatabase } from '@mosaic/testing';
import { MESSAGE_EVENTS, SET_TYPING, TYPING, newChatter, startChat, type ChatApp } from './harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Services mode: two replicas of chat on one database, each with its own Redis connection. A
 * subscriber of one replica receives what is written through the other.
 */
let database: TestDatabase;
const pubsubs: PubSub[] = [];
let a: ChatApp;
let b: ChatApp;
beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  // A prefix of our own, so concurrent test runs on the same Redis never see each other's events.
  const prefix = `test:chat:${randomBytes(6).toString('hex')}:`;
  for (let i = 0; i < 2; i++) pubsubs.push(await createRedisPubSub(REDIS_URL, testLogger, prefix));
  a = await startChat({ database, auth, pubsub: pubsubs[0]! });
  b = await startChat({ database, auth, pubsub: pubsubs[1]! });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const pubsub of pubsubs) await pubsub.close();
  await database?.drop();
});

describe('two replicas over Redis', () => {
  it('a subscriber of replica B receives messages sent through replica A', async () => {
    const ada = await newChatter(a);
    const bob = await newChatter(a);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    await ada.invite(room.id, bob.publicId);
    await bob.join(room.id);

    const client = wsClient(b.wsUrl, bob.token);
    const stream = collect(client, MESSAGE_EVENTS, { roomId: room.id });
    await expect.poll(() => b.listeners(room.id), { timeout: 5_000 }).toBe(1);

    const sent = await ada.send(room.id, 'through replica A');
    const [event] = await stream.waitFor(1);
    expect(event!.data!.messageEvents).toEqual({
      __typename: 'MessageAdded',
      message: { id: sent.id, text: 'through replica A', author: { __typename: 'User', id: ada.publicId }, replyTo: null, createdAt: sent.createdAt },
    });
    stream.stop();
    await client.dispose();
  });

  it('and typing events the same way', async () => {
    const ada = await newChatter(a);
    const room = await ada.createRoom();
    const client = wsClient(b.wsUrl, ada.token);
    const stream = collect(client, TYPING, { roomId: room.id });
    await expect.poll(() => b.listeners(room.id, 'typing'), { timeout: 5_000 }).toBe(1);
    await ada.call(SET_TYPING, { roomId: room.id, isTyping: true });
    expect((await stream.waitFor(1))[0]!.data!.typing).toMatchObject({ roomId: room.id, user: { id: ada.publicId }, isTyping: true });
    stream.stop();
    await client.dispose();
  });
});
