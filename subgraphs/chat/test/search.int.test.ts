import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '@mosaic/testing';
import { DELETE, LEAVE, dataOf, newChatter, startChat, type ChatApp, type Chatter } from './harness';

const counter = new StatementCounter();
let app: ChatApp;
beforeAll(async () => {
  app = await startChat({ onQuery: counter.observe });
});
afterAll(() => app.close());

const SEARCH = `query($query: String!, $roomId: ID, $first: Int, $after: String) {
  chatSearch(query: $query, roomId: $roomId, first: $first, after: $after) { edges { node { text room { id name } author { id } reactions { emoji } } } pageInfo { hasNextPage endCursor } }
}`;
async function search(user: Chatter, variables: Record<string, unknown>) {
  return dataOf<any>(await user.call(SEARCH, variables), 'chatSearch');
}
const texts = (connection: any) => connection.edges.map((e: any) => e.node.text as string);

describe('chatSearch', () => {
  it('finds whole words, phrases and exclusions, newest first, in the viewer’s rooms only', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const mine = await ada.createRoom({ name: 'Mine' });
    const secret = await bob.createRoom({ name: 'Secret', visibility: 'PRIVATE' });
    const open = await bob.createRoom({ name: 'Open, not joined' });
    await ada.send(mine.id, 'The deploy failed on Friday');
    await ada.send(mine.id, 'Deploy is green again');
    await ada.send(mine.id, 'Lunch?');
    await bob.send(secret.id, 'secret deploy plans');
    await bob.send(open.id, 'public deploy notes');

    expect(texts(await search(ada, { query: 'deploy' }))).toEqual(['Deploy is green again', 'The deploy failed on Friday']);
    expect(texts(await search(ada, { query: '"deploy failed"' }))).toEqual(['The deploy failed on Friday']);
    expect(texts(await search(ada, { query: 'deploy -friday' }))).toEqual(['Deploy is green again']);
    expect(texts(await search(ada, { query: 'lunch or green' }))).toEqual(['Lunch?', 'Deploy is green again']);
    expect(texts(await search(ada, { query: 'deplo' }))).toEqual([]);
    expect(texts(await search(bob, { query: 'deploy' }))).toEqual(['public deploy notes', 'secret deploy plans']);
    expect(texts(await search(bob, { query: 'deploy', roomId: secret.id }))).toEqual(['secret deploy plans']);
    // A room the viewer is not in finds nothing, even when named.
    expect(texts(await search(ada, { query: 'deploy', roomId: secret.id }))).toEqual([]);
  });

  it('forgets deleted messages and rooms left', async () => {
    const ada = await newChatter(app);
    const bob = await newChatter(app);
    const room = await ada.createRoom();
    await bob.join(room.id);
    const gone = await ada.send(room.id, 'ephemeral words');
    await ada.send(room.id, 'lasting words');
    await ada.call(DELETE, { id: gone.id });
    expect(texts(await search(bob, { query: 'words' }))).toEqual(['lasting words']);
    await bob.call(LEAVE, { roomId: room.id });
    expect(texts(await search(bob, { query: 'words' }))).toEqual([]);
  });

  it('pages newest first, and costs the same statements for 2 results as for 10', async () => {
    const ada = await newChatter(app);
    const room = await ada.createRoom();
    for (let i = 0; i < 12; i++) await ada.send(room.id, `needle ${i}`);
    const first = await search(ada, { query: 'needle', first: 5 });
    expect(texts(first)).toEqual([11, 10, 9, 8, 7].map((i) => `needle ${i}`));
    const second = await search(ada, { query: 'needle', first: 5, after: first.pageInfo.endCursor });
    expect(texts(second)).toEqual([6, 5, 4, 3, 2].map((i) => `needle ${i}`));
    const statementsFor = async (n: number) => {
      counter.reset();
      expect((await search(ada, { query: 'needle', first: n })).edges).toHaveLength(n);
      return counter.count;
    };
    const two = await statementsFor(2);
    expect(await statementsFor(10)).toBe(two);
    // the search, the rooms, the reactions
    expect(two).toBe(3);
  });

  it.each([
    ['an empty query', { query: '   ' }, 'query'],
    ['punctuation only', { query: '!!! ???' }, 'query'],
    ['a query too long', { query: 'x'.repeat(201) }, 'query'],
    ['a foreign cursor', { query: 'x', after: 'bogus' }, 'after'],
    ['a room id of another type', { query: 'x', roomId: 'VXNlcjox' }, 'roomId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, variables, field) => {
    const ada = await newChatter(app);
    const result = await ada.call(SEARCH, variables);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
