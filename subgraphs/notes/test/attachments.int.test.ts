import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '@mosaic/kit';
import { AttachmentTickets, attachmentTicketSecret, fileOwnerHandlers } from '@mosaic/files/attachments';
import { StatementCounter, testLogger } from '@mosaic/testing';
import { fileOwners, noteAttachments } from '../src/data/attachment-tables';
import { MAX_NOTE_ATTACHMENTS } from '../src/domain/attachments/attach';
import { newMember, startNotes, type NotesApp } from './harness';

const counter = new StatementCounter();
let app: NotesApp;
let owner: Awaited<ReturnType<typeof newMember>>;
let editor: Awaited<ReturnType<typeof newMember>>;
let reader: Awaited<ReturnType<typeof newMember>>;
let stranger: Awaited<ReturnType<typeof newMember>>;
const tickets = new AttachmentTickets(attachmentTicketSecret(undefined, undefined));

beforeAll(async () => {
  app = await startNotes({ onQuery: counter.observe });
  [owner, editor, reader, stranger] = [await newMember(app), await newMember(app), await newMember(app), await newMember(app)];
});
afterAll(() => app.close());

/** Files' `file.uploaded` as notes' consumer handles it (the e2e test covers delivery from files). */
async function uploaded(ownerId: string, contentType = 'image/png'): Promise<string> {
  const fileId = randomUUID();
  await app.database.db().transaction((tx) =>
    fileOwnerHandlers(fileOwners).uploaded(
      { id: randomUUID(), type: 'file.uploaded', version: 1, domain: 'files', aggregateId: fileId, tenantId: null, occurredAt: new Date().toISOString(), traceparent: null, payload: { fileId, ownerId, contentType, size: 10 } },
      { tx, log: testLogger },
    ),
  );
  return encodeId('File', fileId);
}

const ATTACH = `mutation($input: NoteAttachmentInput!) { attachFileToNote(input: $input) { id attachments { attachmentTicket } } }`;
const DETACH = `mutation($input: NoteAttachmentInput!) { detachFileFromNote(input: $input) { id } }`;
const VIEW = `query($id: ID!) { note(id: $id) { html attachments { attachmentTicket } } }`;
const SHARE = `mutation($n: ID!, $u: ID!, $role: NoteShareRole!) { shareNote(noteId: $n, userId: $u, role: $role) { id } }`;
const attachedCount = async (noteId: string) => (await app.database.db().select({ n: count() }).from(noteAttachments).where(eq(noteAttachments.noteId, decodeId('Note', noteId))))[0]!.n;
const srcOf = (html: string, alt: string) => new RegExp(`<img alt="${alt}"(?: src="([^"]+)")? />`).exec(html);

async function ok(query: string, variables: Record<string, unknown>, token: string) {
  const result = await app.call(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

describe('attaching files to a note', () => {
  it('shows an attached image inline as a short-lived bearer URL; anything else referenced as an image gets no source', async () => {
    const photo = await uploaded(owner.userId);
    const pdf = await uploaded(owner.userId, 'application/pdf');
    const unattached = await uploaded(owner.userId);
    const note = await owner.create({ title: 'Board', body: `![board](attachment:${photo})\n\n![doc](attachment:${pdf})\n\n![other](attachment:${unattached})\n\n![junk](attachment:not-an-id)` });
    await ok(ATTACH, { input: { noteId: note.id, fileId: photo } }, owner.token);
    await ok(ATTACH, { input: { noteId: note.id, fileId: pdf } }, owner.token);

    app.clock.offsetMs = 86_400_000; // the URL's lifetime counts from the subgraph's clock, not the machine's
    const before = Math.floor((Date.now() + app.clock.offsetMs) / 1000);
    const { note: viewed } = await ok(VIEW, { id: note.id }, owner.token);
    const after = Math.floor((Date.now() + app.clock.offsetMs) / 1000);
    app.clock.offsetMs = 0;

    const src = srcOf(viewed.html, 'board')?.[1];
    expect(src).toMatch(/^http:\/\/localhost:4000\/files\/t\/[^/]+$/);
    const ticket = tickets.check(src!.split('/files/t/')[1]!, new Date(Date.now() + 86_400_000));
    expect(ticket).toMatchObject({ fileId: decodeId('File', photo), ownerId: owner.userId, context: `notes.note:${decodeId('Note', note.id)}`, readerId: null });
    expect(ticket!.expiresAt).toBeGreaterThanOrEqual(before + 300);
    expect(ticket!.expiresAt).toBeLessThanOrEqual(after + 300);
    for (const alt of ['doc', 'other', 'junk']) expect(srcOf(viewed.html, alt)?.[1]).toBeUndefined();
    // Note.attachments: both files, by tickets bound to the viewer.
    expect(viewed.attachments.map((a: { attachmentTicket: string }) => tickets.check(a.attachmentTicket, new Date())?.readerId)).toEqual([owner.userId, owner.userId]);
  });

  it('collaborators read attachments while the note is shared with them; editors attach their own files, readers may not', async () => {
    const note = await owner.create({ title: 'Shared' });
    await ok(SHARE, { n: note.id, u: editor.publicId, role: 'EDITOR' }, owner.token);
    await ok(SHARE, { n: note.id, u: reader.publicId, role: 'VIEWER' }, owner.token);
    const editorsFile = await uploaded(editor.userId);
    const attached = await ok(ATTACH, { input: { noteId: note.id, fileId: editorsFile } }, editor.token);
    expect(tickets.check(attached.attachFileToNote.attachments[0].attachmentTicket, new Date())).toMatchObject({ ownerId: editor.userId, readerId: editor.userId });

    const asReader = (await ok(VIEW, { id: note.id }, reader.token)).note;
    expect(tickets.check(asReader.attachments[0].attachmentTicket, new Date())).toMatchObject({ ownerId: editor.userId, readerId: reader.userId });
    const refused = await app.call(ATTACH, { input: { noteId: note.id, fileId: await uploaded(reader.userId) } }, reader.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await ok(`mutation($n: ID!, $u: ID!) { unshareNote(noteId: $n, userId: $u) { id } }`, { n: note.id, u: reader.publicId }, owner.token);
    expect((await app.call(VIEW, { id: note.id }, reader.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await attachedCount(note.id)).toBe(1);
  });

  it.each([
    ['someone else’s file', () => uploaded(stranger.userId), 'NOT_YOUR_FILE'],
    ['an unknown id', async () => encodeId('File', randomUUID()), 'NOT_YOUR_FILE'],
  ])('refuses %s with BAD_USER_INPUT, and changes nothing', async (_name, file, reason) => {
    const note = await owner.create({ title: 'Refusals' });
    const result = await app.call(ATTACH, { input: { noteId: note.id, fileId: await file() } }, owner.token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fileId', reason });
    expect(await attachedCount(note.id)).toBe(0);
  });

  it("refuses a note you may not see (NOT_FOUND) and the 21st file (TOO_MANY_ATTACHMENTS); attaching again changes nothing", async () => {
    const note = await owner.create({ title: 'Full' });
    const strangers = await app.call(ATTACH, { input: { noteId: note.id, fileId: await uploaded(stranger.userId) } }, stranger.token);
    expect(strangers.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const first = await uploaded(owner.userId);
    for (let i = 0; i < MAX_NOTE_ATTACHMENTS; i++) await ok(ATTACH, { input: { noteId: note.id, fileId: i === 0 ? first : await uploaded(owner.userId) } }, owner.token);
    await ok(ATTACH, { input: { noteId: note.id, fileId: first } }, owner.token);
    const over = await app.call(ATTACH, { input: { noteId: note.id, fileId: await uploaded(owner.userId) } }, owner.token);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ATTACHMENTS' });
    expect(await attachedCount(note.id)).toBe(MAX_NOTE_ATTACHMENTS);
  });

  it('detaching removes the inline image; detaching again is BAD_USER_INPUT', async () => {
    const photo = await uploaded(owner.userId);
    const note = await owner.create({ title: 'Detach', body: `![pic](attachment:${photo})` });
    await ok(ATTACH, { input: { noteId: note.id, fileId: photo } }, owner.token);
    expect(srcOf((await ok(VIEW, { id: note.id }, owner.token)).note.html, 'pic')?.[1]).toBeDefined();
    await ok(DETACH, { input: { noteId: note.id, fileId: photo } }, owner.token);
    expect(srcOf((await ok(VIEW, { id: note.id }, owner.token)).note.html, 'pic')?.[1]).toBeUndefined();
    expect((await app.call(DETACH, { input: { noteId: note.id, fileId: photo } }, owner.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('public share links', () => {
  it('the share page and sharedNote show the image while the link works; revoked, the page is gone', async () => {
    const photo = await uploaded(owner.userId);
    const note = await owner.create({ title: 'Public', body: `![pic](attachment:${photo})` });
    await ok(ATTACH, { input: { noteId: note.id, fileId: photo } }, owner.token);
    const created = (await ok(`mutation($n: ID!) { createNoteShareLink(noteId: $n) { token link { id } } }`, { n: note.id }, owner.token)).createNoteShareLink;
    const shared = await app.call(`query($t: String!) { sharedNote(token: $t) { html } }`, { t: created.token });
    expect(tickets.check(srcOf(shared.data!.sharedNote.html, 'pic')![1]!.split('/files/t/')[1]!, new Date())).toMatchObject({ fileId: decodeId('File', photo), readerId: null });
    const page = await (await fetch(`${app.origin}/notes/shared/${created.token}`)).text();
    expect(srcOf(page, 'pic')?.[1]).toMatch(/\/files\/t\//);
    await ok(`mutation($id: ID!) { revokeNoteShareLink(id: $id) { id } }`, { id: created.link.id }, owner.token);
    expect((await fetch(`${app.origin}/notes/shared/${created.token}`)).status).toBe(404);
  });
});

describe('no N+1', () => {
  it("a list of 2 notes with their html and attachments costs what 10 cost", async () => {
    const member = await newMember(app);
    for (let i = 0; i < 10; i++) {
      const photo = await uploaded(member.userId);
      const note = await member.create({ title: `n${i}`, body: `![p](attachment:${photo})` });
      await ok(ATTACH, { input: { noteId: note.id, fileId: photo } }, member.token);
    }
    const LIST = `query($id: ID!, $first: Int) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notes(first: $first) { edges { node { html attachments { attachmentTicket } } } } } } }`;
    const statements = async (first: number) => {
      counter.reset();
      const result = await app.call(LIST, { id: member.publicId, first }, member.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities[0].notes.edges.every((e: any) => e.node.attachments.length === 1 && e.node.html.includes('/files/t/'))).toBe(true);
      return counter.count;
    };
    const two = await statements(2);
    expect(await statements(10)).toBe(two);
  });
});
