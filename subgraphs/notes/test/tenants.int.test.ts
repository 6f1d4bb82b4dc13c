import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes, type TestAuth } from '@mosaic/testing';
import { notes as notesTable } from '../src/data/tables';
import { startNotes } from './harness';

let app: Awaited<ReturnType<typeof startNotes>>;
let auth: TestAuth;
beforeAll(async () => {
  app = await startNotes();
  auth = app.auth;
});
afterAll(() => app.close());

const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id title organization { id } } }`;
const GET = `query($id: ID!) { note(id: $id) { id title } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateNoteInput!) { updateNote(id: $id, input: $input) { title } }`;

async function memberOf(organizationId: string) {
  const userId = uuidv7();
  return { userId, token: await auth.tokenFor(userId, { tenant: { id: organizationId, role: 'member' } }) };
}

describe('notes shared within an organisation', () => {
  it('members read a shared note; only its author changes it; another organisation sees nothing', async () => {
    const org = uuidv7();
    const author = await memberOf(org);
    const colleague = await memberOf(org);
    const outsider = await memberOf(uuidv7());
    const shared = await app.call(CREATE, { input: { title: 'Onboarding', shared: true } }, author.token);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.createNote.organization).toEqual({ id: encodeId('Organization', org) });
    const id = shared.data!.createNote.id as string;
    const personal = (await app.call(CREATE, { input: { title: 'Diary' } }, author.token)).data!.createNote.id as string;

    expect((await app.call(GET, { id }, colleague.token)).data).toEqual({ note: { id, title: 'Onboarding' } });
    expect(errorCodes(await app.call(UPDATE, { id, input: { title: 'Hijacked' } }, colleague.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(GET, { id: personal }, colleague.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(GET, { id }, outsider.token))).toEqual(['NOT_FOUND']);
    const entities = await app.call(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Note { id } } }`, { r: [{ __typename: 'Note', id }] }, outsider.token);
    expect(entities.data).toEqual({ _entities: [null] });
  });

  it('sharing needs an active organisation', async () => {
    const user = await auth.newUser();
    const refused = await app.call(CREATE, { input: { title: 'x', shared: true } }, user.token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.shared' });
  });

  it('the app role without a tenant bound reads no notes (fail closed)', async () => {
    const user = await auth.newUser();
    await app.call(CREATE, { input: { title: 'Hidden from unbound SQL' } }, user.token);
    expect(await app.database.appDb().select({ id: notesTable.id }).from(notesTable)).toEqual([]);
    expect((await app.database.db().select({ id: notesTable.id }).from(notesTable)).length).toBeGreaterThan(0);
  });
});
