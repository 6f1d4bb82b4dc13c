import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { encodeId } from '@mosaic/kit';
import { knownUsers } from '../src/data/tables';
import { startTodos, type TodosApp } from './harness';

let app: TodosApp;
let owner: { userId: string; publicId: string; token: string };
let projectId: string;

const SHARE = `mutation($p: ID!, $u: ID!) { shareProject(projectId: $p, userId: $u, role: EDITOR) { id } }`;
const MEMBERS = `query($id: ID!) { project(id: $id) { members { user { id } role } } }`;
const members = async () => ((await app.call(MEMBERS, { id: projectId }, owner.token)).data!.project as { members: { user: { id: string } }[] }).members.map((m) => m.user.id);

beforeAll(async () => {
  app = await startTodos();
  owner = await app.newUser();
  projectId = (await app.call(`mutation { createProject(input: { name: "Garden" }) { id } }`, {}, owner.token)).data!.createProject.id as string;
});
afterAll(() => app.close());

describe('sharing needs a user accounts announced', () => {
  it('refuses an id nobody has with BAD_USER_INPUT naming it, and changes nothing', async () => {
    const nobody = encodeId('User', randomUUID());
    const result = await app.call(SHARE, { p: projectId, u: nobody }, owner.token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(result.errors![0]!.message).toContain(`no user with id ${nobody}`);
    expect(await members()).toEqual([owner.publicId]);
  });

  it('refuses yourself', async () => {
    const result = await app.call(SHARE, { p: projectId, u: owner.publicId }, owner.token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
  });

  it('accepts the user once account.registered has reached todos, and refuses them again after account.deleted', async () => {
    const friend = await app.auth.newUser();
    expect((await app.call(SHARE, { p: projectId, u: friend.publicId }, owner.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await app.fromAccounts('account.registered', friend.userId, { timeZone: 'Europe/Berlin', registeredAt: new Date().toISOString() });
    expect((await app.call(SHARE, { p: projectId, u: friend.publicId }, owner.token)).errors).toBeUndefined();
    expect(await members()).toEqual([owner.publicId, friend.publicId]);

    const deletedAt = new Date();
    await app.fromAccounts('account.deleted', friend.userId, { deletedAt: deletedAt.toISOString() }, deletedAt);
    expect(await members()).toEqual([owner.publicId]);
    // A registration replayed later (a dead letter, the backfill) does not bring the account back.
    await app.fromAccounts('account.registered', friend.userId, { timeZone: 'UTC', registeredAt: new Date(deletedAt.getTime() - 60_000).toISOString() });
    const again = await app.call(SHARE, { p: projectId, u: friend.publicId }, owner.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await members()).toEqual([owner.publicId]);
  });
});

describe('the projection of users', () => {
  it('keeps the newest time zone whatever order the events are applied in, and applies each event once', async () => {
    const user = await app.newUser('UTC');
    const zoneOf = async () => (await app.database.db().select().from(knownUsers).where(eq(knownUsers.userId, user.userId)))[0]!.timeZone;
    const later = new Date(Date.now() + 60_000);
    await app.setTimeZone(user.userId, 'Asia/Tokyo', later);
    expect(await zoneOf()).toBe('Asia/Tokyo');
    await app.setTimeZone(user.userId, 'America/New_York', new Date(later.getTime() - 1_000));
    expect(await zoneOf()).toBe('Asia/Tokyo');
    await app.setTimeZone(user.userId, 'Europe/Berlin', new Date(later.getTime() + 1_000));
    expect(await zoneOf()).toBe('Europe/Berlin');
  });
});
