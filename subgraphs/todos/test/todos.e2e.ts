import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@mosaic/kit';
import { collect, errorCodes, wsClient } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { startOfDayIn } from '../src/domain/time-zone';

/**
 * The main path through the gateway: quick-add a recurring todo with a label, share a project with
 * another user (whose name accounts resolves through the federation reference), and receive a
 * reminder on the `reminders` subscription over graphql-ws, fired by the scheduler through the
 * outbox and the relay.
 */
let graph: TestGraph;
const previousInterval = process.env.TODOS_REMINDER_INTERVAL_MS;
beforeAll(async () => {
  // The reminder scheduler looks often here, so the test waits for it briefly (it polls, no sleeps).
  process.env.TODOS_REMINDER_INTERVAL_MS = '200';
  graph = await startTestGraph();
});
afterAll(async () => {
  if (previousInterval === undefined) delete process.env.TODOS_REMINDER_INTERVAL_MS;
  else process.env.TODOS_REMINDER_INTERVAL_MS = previousInterval;
  await graph?.close();
});

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const result = await graph.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const PREVIEW_ZONE = `{ quickAddPreview(text: "x tomorrow") { timeZone } }`;

/**
 * Sets the user's zone in accounts and waits until todos' projection has it (the event travels
 * through accounts' outbox and relay). Their registration, earlier in the same ordered stream, has
 * then reached todos too, so a project can be shared with them.
 */
async function inZone(user: { token: string }, timeZone: string): Promise<void> {
  // todos answers UTC for a user it does not know yet, so UTC would prove nothing.
  if (timeZone === 'UTC') throw new Error('inZone needs a zone other than UTC.');
  expect((await ok(`mutation($tz: String!) { setTimeZone(timeZone: $tz) { timeZone } }`, { tz: timeZone }, user.token)).setTimeZone).toEqual({ timeZone });
  await expect.poll(async () => (await ok(PREVIEW_ZONE, {}, user.token)).quickAddPreview.timeZone, { timeout: 10_000 }).toBe(timeZone);
}

describe('todos through the gateway', () => {
  it('quick-adds a recurring labelled todo, shares a project, and pushes a reminder to its owner', async () => {
    const owner = await graph.signUp('todos-owner@example.com');
    const teammate = await graph.signUp('todos-teammate@example.com');
    // Not UTC: the default would show before the projection has the teammate at all.
    await inZone(teammate, 'Europe/Lisbon');

    const added = (await ok(`mutation($text: String!) { quickAddTodo(text: $text) { id title recurrence priority labels { name } project { name } } }`, { text: 'Pay rent every month on the 1st at 9am #home p1' }, owner.token)).quickAddTodo;
    expect(added).toMatchObject({ title: 'Pay rent', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1', priority: 'URGENT', labels: [{ name: 'home' }], project: { name: 'Inbox' } });

    const projectId = (await ok(`mutation { createProject(input: { name: "Flat" }) { id } }`, {}, owner.token)).createProject.id;
    await ok(`mutation($p: ID!, $u: ID!) { shareProject(projectId: $p, userId: $u, role: EDITOR) { id } }`, { p: projectId, u: teammate.userId }, owner.token);
    await ok(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title: 'Fix the boiler', projectId } }, owner.token);
    const shared = (await ok(`query($id: ID!) { project(id: $id) { role members { role user { displayName } } todos { edges { node { title owner { displayName } } } } } }`, { id: projectId }, teammate.token)).project;
    expect(shared).toEqual({
      role: 'EDITOR',
      members: [
        { role: 'OWNER', user: { displayName: 'todos-owner' } },
        { role: 'EDITOR', user: { displayName: 'todos-teammate' } },
      ],
      todos: { edges: [{ node: { title: 'Fix the boiler', owner: { displayName: 'todos-owner' } } }] },
    });
    const outsider = await graph.signUp('todos-outsider@example.com');
    expect(errorCodes(await graph.call(`query($id: ID!) { project(id: $id) { id } }`, { id: projectId }, outsider.token))).toEqual(['NOT_FOUND']);

    // The owner's live reminders; the teammate listens too and must hear nothing of them.
    const client = wsClient(graph.gatewayUrl.replace('http', 'ws'), owner.token);
    const teammateClient = wsClient(graph.gatewayUrl.replace('http', 'ws'), teammate.token);
    const SUBSCRIBE = `subscription { reminders { id firedAt todo { title owner { displayName } } } }`;
    const stream = collect(client, SUBSCRIBE);
    const teammateStream = collect(teammateClient, SUBSCRIBE);
    await expect.poll(() => graph.gateway.subscriptions.stats().subscribers, { timeout: 10_000 }).toBe(2);
    // A reminder fires once; one set before the upstream stream was live would be missed, so each
    // probe is a new reminder a moment ahead, until one arrives.
    const reminderIds: string[] = [];
    await expect
      .poll(
        async () => {
          const remindAt = new Date(Date.now() + 300).toISOString();
          reminderIds.push((await ok(`mutation($input: AddReminderInput!) { addReminder(input: $input) { id } }`, { input: { todoId: added.id, remindAt } }, owner.token)).addReminder.id);
          return stream.results.length;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    const [first] = stream.results;
    expect(first!.errors).toBeUndefined();
    expect(reminderIds).toContain(first!.data!.reminders.id);
    expect(first!.data!.reminders).toMatchObject({ todo: { title: 'Pay rent', owner: { displayName: 'todos-owner' } } });
    expect(teammateStream.results).toEqual([]);
    stream.stop();
    teammateStream.stop();
    await Promise.all([client.dispose(), teammateClient.dispose()]);
  });

  it('reads quick add and the Today view in the time zone set in accounts; refuses an invalid zone and unknown users', async () => {
    const user = await graph.signUp('todos-berliner@example.com');
    await inZone(user, 'Europe/Berlin');
    const added = (await ok(`mutation($text: String!) { quickAddTodo(text: $text) { dueAt } }`, { text: 'Mulled wine on Dec 24 2027 at 6pm' }, user.token)).quickAddTodo;
    expect(added.dueAt).toBe('2027-12-24T17:00:00.000Z');

    const now = new Date();
    const create = async (title: string, dueAt: Date) => ok(`mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`, { input: { title, dueAt: dueAt.toISOString() } }, user.token);
    await create('late tonight in Berlin', new Date(startOfDayIn(now, 'Europe/Berlin', 1).getTime() - 30 * 60_000));
    await create('just after midnight in Berlin', new Date(startOfDayIn(now, 'Europe/Berlin', 1).getTime() + 30 * 60_000));
    const view = (await ok(`mutation { createSavedFilter(input: { name: "Today", due: TODAY }) { todos { edges { node { title } } } } }`, {}, user.token)).createSavedFilter;
    expect(view.todos.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['late tonight in Berlin']);

    const invalid = await graph.call(`mutation { setTimeZone(timeZone: "Europe/Atlantis") { timeZone } }`, {}, user.token);
    expect(errorCodes(invalid)).toEqual(['BAD_USER_INPUT']);
    expect((await ok(`{ me { timeZone } }`, {}, user.token)).me).toEqual({ timeZone: 'Europe/Berlin' });

    const projectId = (await ok(`mutation { createProject(input: { name: "Market" }) { id } }`, {}, user.token)).createProject.id;
    const unknown = encodeId('User', randomUUID());
    const nobody = await graph.call(`mutation($p: ID!, $u: ID!) { shareProject(projectId: $p, userId: $u, role: EDITOR) { id } }`, { p: projectId, u: unknown }, user.token);
    expect(errorCodes(nobody)).toEqual(['BAD_USER_INPUT']);
    expect(nobody.errors![0]!.message).toContain(`no user with id ${unknown}`);
  });
});
