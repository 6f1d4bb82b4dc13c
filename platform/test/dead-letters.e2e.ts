import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '@mosaic/accounts';
import { DEFAULT_EVENTS_CONFIG } from '@mosaic/kit';
import { repoRoot } from '@mosaic/testing';
import { startTestGraph, type TestGraph } from '../src/testing/test-graph';

const run = promisify(execFile);
let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph({ events: { ...DEFAULT_EVENTS_CONFIG, pollMs: 100, retryBaseMs: 20, maxAttempts: 3 } });
});
afterAll(() => graph?.close());

const DEAD_LETTERS = `{ todosDeadLetters { id consumer type payload error attempts replayedAt } }`;
const REPLAY = `mutation($id: ID!) { replayTodosDeadLetter(id: $id) { outcome error deadLetter { id replayedAt } } }`;

describe('dead letters', () => {
  it('a consumer that keeps failing dead-letters the event; an admin sees it, and a replay after the fix applies it once (GraphQL and CLI)', async () => {
    const password = 'correct-horse-battery';
    const emailOf = () => `user-${randomBytes(3).toString('hex')}@example.com`;
    const adminEmail = emailOf();
    await graph.signUp(adminEmail, password);
    await grantRole(graph.database.db(), adminEmail, 'admin');
    const login = await graph.call(`mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }`, { email: adminEmail, password });
    const admin = login.data!.login.accessToken as string;
    const leavers = [await graph.signUp(emailOf(), password), await graph.signUp(emailOf(), password)];
    for (const user of leavers) await graph.call(`mutation { createTodo(input: { title: "left behind" }) { id } }`, {}, user.token);
    const todosLeft = async () => Number(((await graph.database.db().execute(sql`select count(*) as n from todos.todos`)) as unknown as { n: number }[])[0]!.n);
    expect(await todosLeft()).toBe(2);

    // A real fault: todos' table is gone while the events arrive.
    await graph.database.db().execute(sql`alter table todos.todos rename to todos_away`);
    for (const user of leavers) {
      const deleted = await graph.call(`mutation($password: String!) { deleteAccount(input: { password: $password }) { userId } }`, { password }, user.token);
      expect(deleted.errors).toBeUndefined();
    }
    await expect.poll(async () => (await graph.call(DEAD_LETTERS, {}, admin)).data?.todosDeadLetters?.length, { timeout: 10_000 }).toBe(2);
    const [first, second] = (await graph.call(DEAD_LETTERS, {}, admin)).data!.todosDeadLetters as Record<string, any>[];
    expect(first).toMatchObject({ consumer: 'account-deleted', type: 'account.deleted', attempts: 3, replayedAt: null, error: expect.stringContaining('todos') });
    expect(JSON.parse(first!.payload)).toHaveProperty('userId');

    // Not for other users: the field is null, with FORBIDDEN.
    const denied = await graph.call(DEAD_LETTERS, {}, leavers[0]!.token);
    expect(denied.data?.todosDeadLetters ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    // Still broken: the replay fails and says why.
    const failed = await graph.call(REPLAY, { id: first!.id }, admin);
    expect(failed.data!.replayTodosDeadLetter).toMatchObject({ outcome: 'FAILED', error: expect.stringContaining('todos') });

    await graph.database.db().execute(sql`alter table todos.todos_away rename to todos`);
    const applied = await graph.call(REPLAY, { id: first!.id }, admin);
    expect(applied.data!.replayTodosDeadLetter).toMatchObject({ outcome: 'APPLIED', deadLetter: { id: first!.id, replayedAt: expect.stringMatching(/Z$/) } });
    expect((await graph.call(REPLAY, { id: first!.id }, admin)).data!.replayTodosDeadLetter.outcome).toBe('ALREADY_APPLIED');
    expect(await todosLeft()).toBe(1);

    // The CLI asks the running subgraph to replay the other one and waits for the outcome.
    const rawId = Buffer.from(second!.id as string, 'base64url').toString().split(':')[1]!;
    const env = { ...process.env, DATABASE_URL: graph.database.url };
    const listed = await run(process.execPath, ['--import', 'tsx', 'platform/src/events-cli.ts', 'dead-letters', 'todos'], { cwd: repoRoot, env });
    expect(listed.stdout).toContain(rawId);
    const replayed = await run(process.execPath, ['--import', 'tsx', 'platform/src/events-cli.ts', 'replay', 'todos', rawId], { cwd: repoRoot, env });
    expect(replayed.stdout).toMatch(/applied at/);
    expect(await todosLeft()).toBe(0);
    expect((await graph.call(DEAD_LETTERS, {}, admin)).data!.todosDeadLetters).toEqual([]);

    // Counted in the metrics the gateway serves (all-in-one: one registry).
    const metrics = await (await fetch(`${graph.internalUrl}/metrics`)).text();
    expect(metrics).toContain('mosaic_events_dead_lettered_total{consumer="account-deleted",type="account.deleted"} 2');
    expect(metrics).toMatch(/mosaic_events_failed_total\{consumer="account-deleted",type="account.deleted"\} [1-9]/);
    expect(metrics).toMatch(/mosaic_events_published_total\{type="account.deleted"\} 2/);
    expect(metrics).toMatch(/mosaic_events_outbox_lag_seconds\{subgraph="accounts"\} \d/);
    expect(metrics).toContain('mosaic_events_consumer_duration_seconds_bucket');
    // Two CLI runs through tsx: seconds each on a busy machine.
  }, 90_000);
});
