import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPubSub, type PubSub } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { newChatter, settle, startChat, type ChatApp } from './harness';

const MESSAGE_EVENTS_AFTER = `subscription($roomId: ID!, $after: ID) {
  messageEvents(roomId: $roomId, after: $after) {
    __typename
    ... on MessageAdded { message { id text reactions { emoji count } } }
    ... on MessageEdited { message { id text } }
  }
}`;

/**
 * The real in-memory pub/sub with faults a test turns on: the next `failures` publishes throw (a
 * Redis outage), and while `holding` publishes wait until `release()` (a slow fan-out).
 */
function faultyPubSub(): PubSub & { failures: number; holding: boolean; release(): Promise<void> } {
  const inner = createMemoryPubSub();
  const held: [string, unknown][] = [];
  return {
    failures: 0,
    holding: false,
    async publish(topic, payload) {
      if (this.failures > 0) {
        this.failures--;
        throw new Error('pub/sub unavailable');
      }
      if (this.holding) return void held.push([topic, payload]);
      await inner.publish(topic, payload);
    },
    subscribe: (topic, listener) => inner.subscribe(topic, listener),
    async release() {
      this.holding = false;
      for (const [topic, payload] of held.splice(0)) await inner.publish(topic, payload);
    },
    close: () => inner.close(),
  };
}

let app: ChatApp;
const pubsub = faultyPubSub();
beforeAll(async () => {
  app = await startChat({ pubsub });
});
afterAll(() => app.close());

const untilLive = (roomId: string, count = 1) => expect.poll(() => app.listeners(roomId), { timeout: 5_000 }).toBe(count);
const texts = (results: { data?: Record<string, any> | null }[]) => results.map((r) => r.data!.messageEvents.message.text as string);

describe('live message events come from the outbox', () => {
  it('a committed message reaches subscribers even when the first fan-out fails, and a room keeps its order', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const client = wsClient(app.wsUrl, ada.token);
    const stream = collect(client, MESSAGE_EVENTS_AFTER, { roomId: room.id });
    await untilLive(room.id);
    pubsub.failures = 2;
    for (const text of ['one', 'two', 'three']) await ada.send(room.id, text);
    expect(texts(await stream.waitFor(3))).toEqual(['one', 'two', 'three']);
    expect(pubsub.failures).toBe(0);
    stream.stop();
    await client.dispose();
  });

  it('resumes after the last message seen: the missed ones from the history first, then live, nothing twice', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const seen = await ada.send(room.id, 'seen before the disconnect');
    await ada.send(room.id, 'missed one');
    const missed = await ada.send(room.id, 'missed two');
    expect((await bob.call(`mutation($id: ID!) { addMessageReaction(messageId: $id, emoji: "👍") { id } }`, { id: missed.id })).errors).toBeUndefined();
    await settle();

    // A message committed while the stream opens: its live copy is held back until after the history was read.
    pubsub.holding = true;
    const racing = await ada.send(room.id, 'sent while resuming');
    const client = wsClient(app.wsUrl, bob.token);
    const stream = collect(client, MESSAGE_EVENTS_AFTER, { roomId: room.id, after: seen.id });
    await untilLive(room.id);
    await pubsub.release();
    await ada.send(room.id, 'live after resuming');

    const results = await stream.waitFor(4);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(texts(results)).toEqual(['missed one', 'missed two', 'sent while resuming', 'live after resuming']);
    // Replayed from the history with their current state, reactions included.
    expect(results[1]!.data!.messageEvents.message.reactions).toEqual([{ emoji: '👍', count: 1 }]);
    expect(results[2]!.data!.messageEvents.message.id).toBe(racing.id);
    await settle(200);
    expect(stream.results).toHaveLength(4);
    stream.stop();
    await client.dispose();
  });

  it('refuses to resume after an id that is not a message of the room', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    const other = await ada.createRoom({ name: 'Other' });
    const elsewhere = await ada.send(other.id, 'not in the first room');
    const client = wsClient(app.wsUrl, ada.token);
    const stream = collect(client, MESSAGE_EVENTS_AFTER, { roomId: room.id, after: elsewhere.id });
    const [result] = await stream.waitFor(1);
    expect(result!.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    await client.dispose();
  });
});
