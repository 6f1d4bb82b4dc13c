import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, DEFAULT_EVENTS_CONFIG, type EventsConfig } from '@mosaic/kit';
import { AMQP_URL, cleanBroker } from './events/harness';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

const namespace = `t${randomBytes(4).toString('hex')}`;
const transports: [string, EventsConfig][] = [
  ['in-process', { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 50 }],
  ['RabbitMQ', { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 50, transport: { kind: 'rabbitmq', url: AMQP_URL, namespace } }],
];
afterAll(() => cleanBroker(['todos.account-deleted', 'notes.account-deleted', 'chat.account-deleted', 'chat.live'], ['accounts', 'chat'], namespace));

describe.each(transports)('deleting an account, events over %s', (_name, events) => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ events });
  });
  afterAll(() => graph?.close());

  const count = async (query: string) => Number(((await graph.database.db().execute(sql.raw(query))) as unknown as { n: number }[])[0]!.n);
  const raw = (userId: string) => `'${decodeId('User', userId)}'`;

  it('needs the password, then removes the user’s todos, notes and chat data in the other subgraphs, once', async () => {
    const adasEmail = `ada-${randomBytes(3).toString('hex')}@example.com`;
    const ada = await graph.signUp(adasEmail, 'correct-horse-battery');
    const bob = await graph.signUp(`bob-${randomBytes(3).toString('hex')}@example.com`);
    const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
      const result = await graph.call(query, variables, token);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    await ok(`mutation { createTodo(input: { title: "Water the plants" }) { id } }`, {}, ada.token);
    await ok(`mutation { createTodo(input: { title: "Bob's own" }) { id } }`, {}, bob.token);
    await ok(`mutation { createNote(input: { title: "Diary" }) { id } }`, {}, ada.token);
    const room = (await ok(`mutation { createRoom(input: { name: "Garden" }) { id } }`, {}, ada.token)).createRoom.id as string;
    await ok(`mutation($id: ID!) { joinRoom(roomId: $id) { id } }`, { id: room }, bob.token);
    const send = `mutation($id: ID!, $text: String!) { sendMessage(input: { roomId: $id, text: $text }) { id } }`;
    const adasMessage = (await ok(send, { id: room, text: 'hello from ada' }, ada.token)).sendMessage.id as string;
    const bobsMessage = (await ok(send, { id: room, text: 'hi ada' }, bob.token)).sendMessage.id as string;
    await ok(`mutation($id: ID!) { addMessageReaction(messageId: $id, emoji: "👍") { id } }`, { id: bobsMessage }, ada.token);

    const DELETE = `mutation($password: String!) { deleteAccount(input: { password: $password }) { userId deletedAt } }`;
    const refused = await graph.call(DELETE, { password: 'wrong-password' }, ada.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count(`select count(*) as n from todos.todos where owner_id = ${raw(ada.userId)}`)).toBe(1);

    const deleted = (await ok(DELETE, { password: 'correct-horse-battery' }, ada.token)).deleteAccount;
    expect(deleted).toEqual({ userId: ada.userId, deletedAt: expect.stringMatching(/Z$/) });

    await expect.poll(() => count(`select count(*) as n from todos.todos where owner_id = ${raw(ada.userId)}`), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => count(`select count(*) as n from notes.notes where owner_id = ${raw(ada.userId)}`), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => count(`select count(*) as n from chat.members where user_id = ${raw(ada.userId)}`), { timeout: 10_000 }).toBe(0);
    expect(await count(`select count(*) as n from chat.reactions where user_id = ${raw(ada.userId)}`)).toBe(0);
    expect(await count(`select count(*) as n from todos.todos where owner_id = ${raw(bob.userId)}`)).toBe(1);

    // The room stays with bob, now its owner; ada's message keeps its place, without its text.
    const view = await ok(`query($id: ID!) { room(id: $id) { viewerRole messages(first: 5) { edges { node { id text deletedAt } } } } }`, { id: room }, bob.token);
    expect(view.room.viewerRole).toBe('OWNER');
    expect(view.room.messages.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { id: bobsMessage, text: 'hi ada', deletedAt: null },
      { id: adasMessage, text: '', deletedAt: expect.stringMatching(/Z$/) },
    ]);

    const login = await graph.call(`mutation($email: String!) { login(input: { email: $email, password: "correct-horse-battery" }) { accessToken } }`, { email: adasEmail });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Once per consumer group, nothing dead-lettered.
    for (const schema of ['todos', 'notes', 'chat']) {
      expect(await count(`select count(*) as n from ${schema}.inbox where consumer = 'account-deleted'`)).toBe(1);
      expect(await count(`select count(*) as n from ${schema}.dead_letters`)).toBe(0);
    }
  });
});
