import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { DELETE, EDIT, LEAVE, SEND, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

const counter = new StatementCounter();
let app: ChatApp;
beforeAll(async () => {
  app = await startChat({ onQuery: counter.observe });
});
afterAll(() => app.close());

const FEED = `query($first: Int, $after: String) {
  chatMentions(first: $first, after: $after) { edges { node { id text author { id } room { id name } mentions { id } } } pageInfo { hasNextPage endCursor } }
}`;
const MENTIONS = `query($id: ID!) { room(id: $id) { messages { edges { node { text mentions { id } } } } } }`;

const at = (user: Chatter) => `<@${user.publicId}>`;
async function feed(user: Chatter, variables: Record<string, unknown> = {}) {
  return dataOf<any>(await user.call(FEED, variables), 'chatMentions');
}
const texts = (connection: any) => connection.edges.map((e: any) => e.node.text as string);

describe('mentions', () => {
  it('notify members of the room only; an outsider’s mention stays text, before and after they join', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const outsider = await newChatter(app);
    const room = await ada.createRoom({ name: 'Plans' });
    await bob.join(room.id);
    const message = await ada.send(room.id, `${at(bob)} and ${at(outsider)}, see ${at(ada)} <@not-an-id> <@${room.id}>`);

    const shown = dataOf<any>(await ada.call(MENTIONS, { id: room.id }), 'room').messages.edges[0].node;
    expect(shown.mentions).toEqual([{ id: bob.publicId }]);
    const bobs = await feed(bob);
    expect(bobs.edges.map((e: any) => e.node)).toEqual([{ id: message.id, text: message.text, author: { id: ada.publicId }, room: { id: room.id, name: 'Plans' }, mentions: [{ id: bob.publicId }] }]);
    expect((await feed(outsider)).edges).toEqual([]);
    // Joining later does not turn an earlier mention into a notification; the author never mentions themself.
    await outsider.join(room.id);
    expect((await feed(outsider)).edges).toEqual([]);
    expect((await feed(ada)).edges).toEqual([]);
  });

  it('follow edits, and leave the feed when the message is deleted or the room left', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const cy = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    await cy.join(room.id);
    const message = await ada.send(room.id, `hi ${at(bob)}`);
    await ada.call(EDIT, { id: message.id, text: `hi ${at(cy)}` });
    expect((await feed(bob)).edges).toEqual([]);
    expect(texts(await feed(cy))).toEqual([`hi ${at(cy)}`]);

    const another = await ada.send(room.id, `${at(cy)} again`);
    expect(texts(await feed(cy))).toEqual([`${at(cy)} again`, `hi ${at(cy)}`]);
    await ada.call(DELETE, { id: another.id });
    expect(texts(await feed(cy))).toEqual([`hi ${at(cy)}`]);
    await cy.call(LEAVE, { roomId: room.id });
    expect((await feed(cy)).edges).toEqual([]);
  });

  it('pages the feed newest first, across rooms, and refuses a foreign cursor', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      const room = await ada.createRoom({ name: `room ${i}` });
      await bob.join(room.id);
      sent.push((await ada.send(room.id, `${at(bob)} #${i}`)).text);
    }
    const first = await feed(bob, { first: 2 });
    expect(texts(first)).toEqual([sent[2], sent[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await feed(bob, { first: 2, after: first.pageInfo.endCursor });
    expect(texts(second)).toEqual([sent[0]]);
    const bad = await bob.call(FEED, { after: 'bogus' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('costs the same number of statements for 2 mentions as for 10, with rooms and mentioned users', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    for (let i = 0; i < 10; i++) {
      const room = await ada.createRoom({ name: `busy ${i}` });
      await bob.join(room.id);
      await ada.send(room.id, `${at(bob)} look`);
    }
    const statementsFor = async (first: number) => {
      counter.reset();
      const result = await bob.call(FEED, { first });
      expect(result.errors).toBeUndefined();
      expect((result.data as any).chatMentions.edges).toHaveLength(first);
      return counter.count;
    };
    const two = await statementsFor(2);
    expect(await statementsFor(10)).toBe(two);
    // the feed, the rooms, the mentions
    expect(two).toBe(3);
  });

  it('does not store a mention when the send is refused', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const refused = await ada.call(SEND, { input: { roomId: room.id, text: `${at(bob)} ${'x'.repeat(4001)}` } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect((await feed(bob)).edges).toEqual([]);
  });
});
