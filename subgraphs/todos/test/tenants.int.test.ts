import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7, withTenant } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { todos as todosTable } from '../src/data/tables';
import { COMPLETE, DELETE, GET, startTodos, UPDATE, type TodosApp } from './harness';

let app: TodosApp;
beforeAll(async () => {
  app = await startTodos();
});
afterAll(() => app.close());

const ORG_LIST = `query { organizationTodos(first: 50) { totalCount edges { node { id title owner { id } organization { id } } } } }`;
const MY_LIST = `query { todos(first: 50) { totalCount edges { node { title } } } }`;
const CREATE_SHARED = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id title organization { id } } }`;

/** A user with a token switched to `organizationId` (as accounts signs it after checking the membership). */
async function memberOf(organizationId: string, role = 'member') {
  const userId = uuidv7();
  return { userId, publicId: encodeId('User', userId), token: await app.auth.tokenFor(userId, { tenant: { id: organizationId, role } }) };
}

describe('todos shared within an organisation', () => {
  it('members of the organisation see and change its shared todos; private todos stay private', async () => {
    const org = uuidv7();
    const alice = await memberOf(org, 'owner');
    const bob = await memberOf(org);
    const shared = await app.call(CREATE_SHARED, { input: { title: 'Quarterly report', shared: true } }, alice.token);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.createTodo.organization).toEqual({ id: encodeId('Organization', org) });
    const privateTodo = await app.create(alice.token, { title: 'Dentist' });

    const bobsView = await app.call(ORG_LIST, {}, bob.token);
    expect(bobsView.data!.organizationTodos.totalCount).toBe(1);
    expect(bobsView.data!.organizationTodos.edges[0].node).toMatchObject({ title: 'Quarterly report', owner: { id: alice.publicId } });
    const sharedId = shared.data!.createTodo.id as string;
    expect((await app.call(COMPLETE, { id: sharedId }, bob.token)).data!.completeTodo.done).toBe(true);
    expect((await app.call(UPDATE, { id: sharedId, input: { title: 'Q4 report' } }, bob.token)).data!.updateTodo.title).toBe('Q4 report');

    expect((await app.call(GET, { id: privateTodo.id }, bob.token)).data).toEqual({ todo: null });
    expect(errorCodes(await app.call(UPDATE, { id: privateTodo.id, input: { title: 'mine now' } }, bob.token))).toEqual(['NOT_FOUND']);
    expect((await app.call(MY_LIST, {}, bob.token)).data!.todos.totalCount).toBe(0);
  });

  it('another organisation sees none of it, by id, in lists or through _entities — and cannot change it', async () => {
    const org = uuidv7();
    const owner = await memberOf(org, 'owner');
    const outsider = await memberOf(uuidv7(), 'owner');
    const shared = (await app.call(CREATE_SHARED, { input: { title: 'Secret plan', shared: true } }, owner.token)).data!.createTodo;
    const before = await app.rowCount();
    expect((await app.call(ORG_LIST, {}, outsider.token)).data!.organizationTodos).toEqual({ totalCount: 0, edges: [] });
    expect((await app.call(GET, { id: shared.id }, outsider.token)).data).toEqual({ todo: null });
    const entities = await app.call(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Todo { id title } } }`, { r: [{ __typename: 'Todo', id: shared.id }] }, outsider.token);
    expect(entities.data).toEqual({ _entities: [null] });
    expect(errorCodes(await app.call(DELETE, { id: shared.id }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(COMPLETE, { id: shared.id }, outsider.token))).toEqual(['NOT_FOUND']);
    expect(await app.rowCount()).toBe(before);
  });

  it('sharing needs an active organisation; the organisation list needs one too', async () => {
    const personal = await app.auth.newUser();
    const refused = await app.call(CREATE_SHARED, { input: { title: 'x', shared: true } }, personal.token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shared' });
    expect(errorCodes(await app.call(ORG_LIST, {}, personal.token))).toEqual(['FORBIDDEN']);
  });
});

/** drizzle wraps the driver's error: PostgreSQL's own refusal is its cause. */
const refusedByRowLevelSecurity = (error: unknown) => /new row violates row-level security policy/.test(String((error as { cause?: { message?: string } }).cause?.message));

describe('row-level security underneath the domain', () => {
  it('the app role with no tenant bound sees no rows at all (fail closed)', async () => {
    const org = uuidv7();
    const owner = await memberOf(org, 'owner');
    await app.call(CREATE_SHARED, { input: { title: 'Visible only with a tenant', shared: true } }, owner.token);
    expect(await app.rowCount()).toBeGreaterThan(0);
    const appRole = app.database.appDb();
    expect(await appRole.select().from(todosTable)).toEqual([]);
    // Inside a transaction bound to the organisation, its rows are there.
    const bound = await withTenant(appRole, { userId: owner.userId, tenantId: org, admin: false }, (tx) => tx.select().from(todosTable));
    expect(bound.map((row) => row.title)).toEqual(['Visible only with a tenant']);
  });

  it('refuses writing a row into another tenant, even with hand-written SQL', async () => {
    const mine = uuidv7();
    const theirs = uuidv7();
    const userId = uuidv7();
    const attempt = withTenant(app.database.appDb(), { userId, tenantId: mine, admin: false }, (tx) =>
      tx.execute(sql`insert into todos.todos (id, owner_id, tenant_id, title, done, priority, position, created_at, updated_at)
        values (${uuidv7()}, ${userId}, ${theirs}, 'smuggled', false, 0, 1, now(), now())`),
    );
    await expect(attempt).rejects.toSatisfy(refusedByRowLevelSecurity);
    const anonymous = app.database.appDb().execute(sql`insert into todos.todos (id, owner_id, title, done, priority, position, created_at, updated_at)
        values (${uuidv7()}, ${userId}, 'no tenant', false, 0, 1, now(), now())`);
    await expect(anonymous).rejects.toSatisfy(refusedByRowLevelSecurity);
  });
});
