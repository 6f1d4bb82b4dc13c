import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCacheStores, createRedisPubSub, type CacheStores, type PubSub } from '@mosaic/kit';
import { collect, createTestAuth, createTestDatabase, testLogger, wsClient, type TestDatabase } from '@mosaic/testing';
import { LIVE_MENTIONS, MARK_READ, MESSAGE_EVENTS, PRESENCE, PRESENCE_CHANGED, SET_PRESENCE, SET_TYPING, TYPING, dataOf, newChatter, startChat, type ChatApp } from './harness';
import { PRESENCE_LEASE_MS } from '../src/domain/presence-tracker';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Services mode: two replicas of chat on one database, each with its own Redis connections (pub/sub,
 * and caches for presence leases). A subscriber of one replica receives what is written through
 * the other; presence held through one is seen through the other.
 */
let database: TestDatabase;
const pubsubs: PubSub[] = [];
const caches: CacheStores[] = [];
let a: ChatApp;
let b: ChatApp;
beforeAll(async () => {
  database = await createTestDatabase();
  const auth = await createTestAuth();
  // A prefix of our own, so concurrent test runs on the same Redis never see each other's events.
  const prefix = `test:chat:${randomBytes(6).toString('hex')}:`;
  for (let i = 0; i < 2; i++) {
    pubsubs.push(await createRedisPubSub(REDIS_URL, testLogger, prefix));
    caches.push(await createRedisCacheStores(REDIS_URL, testLogger, `${prefix}cache:`));
  }
  a = await startChat({ database, auth, pubsub: pubsubs[0]!, caches: caches[0]! });
  b = await startChat({ database, auth, pubsub: pubsubs[1]!, caches: caches[1]! });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const pubsub of pubsubs) await pubsub.close();
  for (const cache of caches) await cache.close();
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

  it('presence: a heartbeat through A is seen and announced through B; the last lease ending (noticed by A) too', async () => {
    const ada = await newChatter(a);
    const bob = await newChatter(a);
    const room = await ada.createRoom({ visibility: 'PRIVATE' });
    await ada.invite(room.id, bob.publicId);
    await bob.join(room.id);
    const client = wsClient(b.wsUrl, bob.token);
    const changes = collect(client, PRESENCE_CHANGED, { roomId: room.id });
    await expect.poll(() => b.listeners(room.id, 'presence'), { timeout: 5_000 }).toBe(1);
    const seenThroughB = async () => dataOf<{ presence: string }[]>(await b.call(PRESENCE, { reps: [{ __typename: 'User', id: ada.publicId }] }, bob.token), '_entities')[0]!.presence;

    dataOf(await a.call(SET_PRESENCE, { status: 'ONLINE', clientId: 'tab-a' }, ada.token), 'setPresence');
    expect((await changes.waitFor(1))[0]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'ONLINE' });
    expect(await seenThroughB()).toBe('ONLINE');
    // A second client on B: giving up A's lease leaves her connected, and active through B's.
    await b.call(SET_PRESENCE, { status: 'ONLINE', clientId: 'tab-b' }, ada.token);
    await a.call(SET_PRESENCE, { status: 'OFFLINE', clientId: 'tab-a' }, ada.token);
    expect(await seenThroughB()).toBe('ONLINE');
    // Nobody renews tab-b: A's sweep (A touched her last) notices the lease ended and tells B's subscriber.
    a.clock.offsetMs += PRESENCE_LEASE_MS + 1_000;
    b.clock.offsetMs += PRESENCE_LEASE_MS + 1_000;
    await a.presence.sweep();
    expect((await changes.waitFor(2))[1]!.data!.presenceChanged).toMatchObject({ user: { id: ada.publicId }, status: 'OFFLINE' });
    expect(await seenThroughB()).toBe('OFFLINE');
    changes.stop();
    await client.dispose();
  });

  it('read receipts and live mentions cross replicas too', async () => {
    const ada = await newChatter(a);
    const bob = await newChatter(a);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const adas = wsClient(b.wsUrl, ada.token);
    const receipts = collect(adas, `subscription($roomId: ID!) { readReceipts(roomId: $roomId) { user { id } upToMessageId } }`, { roomId: room.id });
    await expect.poll(() => b.listeners(room.id, 'receipts'), { timeout: 5_000 }).toBe(1);
    const bobs = wsClient(b.wsUrl, bob.token);
    const mentions = collect(bobs, LIVE_MENTIONS);
    await expect.poll(() => b.mentionListeners(bob.publicId), { timeout: 5_000 }).toBe(1);

    const sent = await ada.send(room.id, `<@${bob.publicId}> through A`);
    expect((await mentions.waitFor(1))[0]!.data!.chatMentions).toMatchObject({ id: sent.id, mentions: [{ id: bob.publicId }] });
    await a.call(MARK_READ, { roomId: room.id, upTo: sent.id }, bob.token);
    expect((await receipts.waitFor(1))[0]!.data!.readReceipts).toEqual({ user: { id: bob.publicId }, upToMessageId: sent.id });
    receipts.stop();
    mentions.stop();
    await adas.dispose();
    await bobs.dispose();
  });
});
