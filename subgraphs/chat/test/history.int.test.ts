import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { HISTORY, newChatter, startChat, type ChatApp, type Chatter } from './harness';

let app: ChatApp;
beforeAll(async () => {
  app = await startChat();
});
afterAll(() => app.close());

/** Every text of the room's history, newest first, walking pages of `first`. */
async function allTexts(reader: Chatter, roomId: string, first: number): Promise<string[]> {
  const texts: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const messages = await reader.history(roomId, { first, after });
    texts.push(...messages.edges.map((edge) => edge.node.text));
    if (!messages.pageInfo.hasNextPage) return texts;
    after = messages.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('Room.messages', () => {
  it('is newest first, one page at a time, with Relay page info', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    for (let i = 1; i <= 7; i++) await ada.send(room.id, `m${i}`);
    const first = await ada.history(room.id, { first: 3 });
    expect(first.edges.map((e) => e.node.text)).toEqual(['m7', 'm6', 'm5']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[2]!.cursor });
    const second = await ada.history(room.id, { first: 3, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.text)).toEqual(['m4', 'm3', 'm2']);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(await allTexts(ada, room.id, 3)).toEqual(['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
    expect((await ada.history(room.id)).edges).toHaveLength(7);
  });

  it('stays stable when messages arrive between pages: nothing skipped, nothing repeated', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    for (let i = 1; i <= 6; i++) await ada.send(room.id, `old${i}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const messages = await ada.history(room.id, { first: 2, after });
      seen.push(...messages.edges.map((e) => e.node.text));
      // Someone keeps talking while we scroll back.
      await bob.send(room.id, `new${page}`);
      if (!messages.pageInfo.hasNextPage) break;
      after = messages.pageInfo.endCursor;
    }
    expect(seen).toEqual(['old6', 'old5', 'old4', 'old3', 'old2', 'old1']);
  });

  it('keeps send order even within one millisecond and when the clock goes back', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    await ada.send(room.id, 'first');
    app.clock.offsetMs = -60_000;
    await ada.send(room.id, 'second, from a clock a minute behind');
    await ada.send(room.id, 'third');
    app.clock.offsetMs = 0;
    const sent = await Promise.all(['a', 'b', 'c', 'd'].map((text) => ada.send(room.id, text)));
    const order = (await ada.history(room.id)).edges.map((e) => e.node.text);
    expect(order.slice(4)).toEqual(['third', 'second, from a clock a minute behind', 'first']);
    // Concurrent sends: history order is commit order, which is the order of the ids.
    const byId = [...sent].sort((x, y) => (Buffer.from(x.id, 'base64url').toString() < Buffer.from(y.id, 'base64url').toString() ? 1 : -1));
    expect(order.slice(0, 4)).toEqual(byId.map((m) => m.text));
  });

  it('refuses bad page arguments and foreign cursors with BAD_USER_INPUT', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'garbage' }, 'after'],
      [{ after: encodeCursor(['r', '2026-01-01T00:00:00.000Z', '01a21844-0000-7000-8000-000000000000']) }, 'after'],
      [{ after: encodeCursor(['m', 'not-a-uuid']) }, 'after'],
    ] as const) {
      const result = await ada.call(HISTORY, { id: room.id, ...variables });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
  });
});
