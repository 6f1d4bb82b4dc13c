import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { CREATE, FIND, LIST_OF, startBanking } from './harness';

let app: Awaited<ReturnType<typeof startBanking>>;
beforeAll(async () => {
  app = await startBanking({ BANKING_MAX_PER_USER: '3' });
});
afterAll(() => app.close());

const userRep = (publicId: string) => ({ __typename: 'User', id: publicId });

describe('banking', () => {
  it('creates a bankAccount and reads it back; someone else gets null', async () => {
    const alice = await app.auth.newUser();
    const bob = await app.auth.newUser();
    const created = await app.call(CREATE, { input: { name: '  First  ' } }, alice.token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createBankAccount).toMatchObject({ name: 'First', owner: { id: alice.publicId } });
    const id = created.data!.createBankAccount.id as string;
    expect((await app.call(FIND, { id }, alice.token)).data).toEqual({ bankAccount: { id, name: 'First' } });
    expect((await app.call(FIND, { id }, bob.token)).data).toEqual({ bankAccount: null });
  });

  it('refuses bad input with the field, anonymous callers and tokens without the scope — writing nothing', async () => {
    const before = await app.rowCount();
    const user = await app.auth.newUser();
    const empty = await app.call(CREATE, { input: { name: '   ' } }, user.token);
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(errorCodes(await app.call(CREATE, { input: { name: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    const scopeless = await app.auth.newUser([]);
    expect(errorCodes(await app.call(CREATE, { input: { name: 'x' } }, scopeless.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(FIND, { id: encodeId('Note', uuidv7()) }, user.token))).toEqual(['BAD_USER_INPUT']);
    expect(await app.rowCount()).toBe(before);
  });

  it('enforces BANKING_MAX_PER_USER', async () => {
    const user = await app.auth.newUser();
    for (let i = 0; i < 3; i++) expect((await app.call(CREATE, { input: { name: `n${i}` } }, user.token)).errors).toBeUndefined();
    const over = await app.call(CREATE, { input: { name: 'one too many' } }, user.token);
    expect(errorCodes(over)).toEqual(['CONFLICT']);
  });

  it('User.bankAccounts pages newest first, for the user themself and admins only', async () => {
    const owner = await app.auth.newUser();
    for (const name of ['a', 'b', 'c']) await app.call(CREATE, { input: { name } }, owner.token);
    const first = await app.call(LIST_OF, { reps: [userRep(owner.publicId)], first: 2 }, owner.token);
    const page = first.data!._entities[0].bankAccounts;
    expect(page.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['c', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await app.call(LIST_OF, { reps: [userRep(owner.publicId)], first: 2, after: page.pageInfo.endCursor }, owner.token);
    expect(rest.data!._entities[0].bankAccounts.edges).toEqual([{ node: { name: 'a' } }]);
    const stranger = await app.auth.newUser();
    expect(errorCodes(await app.call(LIST_OF, { reps: [userRep(owner.publicId)] }, stranger.token))).toEqual(['FORBIDDEN']);
    const admin = await app.auth.newUser(['user', 'admin']);
    expect((await app.call(LIST_OF, { reps: [userRep(owner.publicId)] }, admin.token)).data!._entities[0].bankAccounts.edges).toHaveLength(3);
  });

  it('lists for 2 users and for 10 users cost the same number of SQL statements', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const owners: { publicId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const owner = await app.auth.newUser();
      await app.call(CREATE, { input: { name: `of ${i}` } }, owner.token);
      owners.push(owner);
    }
    const statementsFor = async (count: number) => {
      app.counter.reset();
      const result = await app.call(LIST_OF, { reps: owners.slice(0, count).map((owner) => userRep(owner.publicId)) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(10)).toBe(await statementsFor(2));
  });
});
