import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { collect, wsClient } from '@mosaic/testing';
import { newChatter, startChat, type ChatApp, type Chatter } from './harness';

const ADDED_AFTER = `subscription($roomId: ID!, $after: ID) {
  messageEvents(roomId: $roomId, after: $after) { __typename ... on MessageAdded { message { id text } } }
}`;

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

/** `count` messages from each sender, the senders writing at the same time; resolves with every id sent. */
async function sendConcurrently(room: string, senders: Chatter[], count: number, onSent: () => void): Promise<string[]> {
  const sent: string[] = [];
  await Promise.all(
    senders.map(async (sender, s) => {
      for (let i = 0; i < count; i++) {
        sent.push((await sender.send(room, `from ${s}: ${i}`)).id);
        onSent();
      }
    }),
  );
  return sent;
}

describe('resuming messageEvents with `after` while messages keep arriving', () => {
  it('delivers every message after the last one seen exactly once, in id order, across the switch from history to live', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const cy = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    await cy.join(room.id);
    const seen = await ada.send(room.id, 'the last message the client saw');

    // Two senders post 20 messages each; the client resubscribes after the first few are committed,
    // so some messages are only in the history, some only live, and some in both.
    let sentSoFar = 0;
    let opened: ReturnType<typeof collect<Record<string, any>>> | undefined;
    const client = wsClient(app.wsUrl, bob.token);
    const sending = sendConcurrently(room.id, [ada, cy], 20, () => {
      if (++sentSoFar === 6) opened = collect(client, ADDED_AFTER, { roomId: room.id, after: seen.id });
    });
    const sent = await sending;
    const stream = opened!;
    // A marker sent last: once it arrives, everything before it has (events of a room arrive in order).
    const marker = await ada.send(room.id, 'marker');
    const results = await stream.waitFor(sent.length + 1, 20_000);

    expect(results.every((result) => result.errors === undefined)).toBe(true);
    const received = results.map((result) => result.data!.messageEvents.message.id as string);
    expect(received.at(-1)).toBe(marker.id);
    // Within a room ids grow in commit order: the raw ids, sorted, are the order of the room.
    const expected = [...sent].sort((a, b) => (decodeId('Message', a) < decodeId('Message', b) ? -1 : 1));
    expect(received.slice(0, -1)).toEqual(expected);
    expect(new Set(received).size).toBe(received.length);
    stream.stop();
    await client.dispose();
  });
});
