import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { newMember, startNotes, type NotesApp } from './harness';

let app: NotesApp;
beforeAll(async () => {
  app = await startNotes({ env: { NOTES_PUBLIC_URL: 'https://notes.example' } });
});
afterAll(() => app.close());

const CREATE_LINK = `mutation($n: ID!, $s: Int) { createNoteShareLink(noteId: $n, expiresInSeconds: $s) { token url link { id active expiresAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeNoteShareLink(id: $id) { active revokedAt } }`;
const SHARED = `query($t: String!) { sharedNote(token: $t) { title body html } }`;

async function link(token: string, noteId: string, expiresInSeconds?: number) {
  const result = await app.call(CREATE_LINK, { n: noteId, s: expiresInSeconds }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createNoteShareLink as { token: string; url: string; link: { id: string; active: boolean; expiresAt: string | null } };
}

const page = async (token: string) => {
  const response = await fetch(`${app.origin}/notes/shared/${token}`);
  return { status: response.status, text: await response.text(), reason: response.headers.get('x-share-link-status'), csp: response.headers.get('content-security-policy') };
};
const reasonOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;

describe('public share links', () => {
  it('show the note read-only to anyone with the link, as a page and by query, until revoked', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Trip <plan>', body: '# Day 1\n\nWalk **far**.\n\n<script>alert(1)</script>' });
    const created = await link(ada.token, note.id);
    expect(created.url).toBe(`https://notes.example/notes/shared/${created.token}`);
    expect(created.link).toMatchObject({ active: true, expiresAt: null });

    const shown = await page(created.token);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('<h1>Trip &lt;plan&gt;</h1>');
    expect(shown.text).toContain('<strong>far</strong>');
    expect(shown.text).not.toContain('<script>');
    expect(shown.csp).toContain("default-src 'none'");
    // Anonymous: no token at all.
    expect((await app.call(SHARED, { t: created.token })).data!.sharedNote).toMatchObject({ title: 'Trip <plan>', html: expect.stringContaining('<h1>Day 1</h1>') });

    expect((await app.call(REVOKE, { id: created.link.id }, ada.token)).data!.revokeNoteShareLink).toMatchObject({ active: false, revokedAt: expect.any(String) });
    const revoked = await page(created.token);
    expect(revoked).toMatchObject({ status: 404, reason: 'revoked' });
    expect(revoked.text).toContain('revoked');
    expect(reasonOf(await app.call(SHARED, { t: created.token }))).toMatchObject({ code: 'NOT_FOUND', reason: 'REVOKED' });
    // Revoking again changes nothing.
    expect((await app.call(REVOKE, { id: created.link.id }, ada.token)).errors).toBeUndefined();
  });

  it('expire, and say so; unknown and malformed links are plain 404s', async () => {
    const ada = await newMember(app);
    const note = await ada.create({ title: 'Soon gone' });
    const created = await link(ada.token, note.id, 60);
    expect((await page(created.token)).status).toBe(200);
    app.clock.offsetMs += 61_000;
    expect(await page(created.token)).toMatchObject({ status: 404, reason: 'expired' });
    expect(reasonOf(await app.call(SHARED, { t: created.token }))).toMatchObject({ code: 'NOT_FOUND', reason: 'EXPIRED' });
    const listed = await app.call(`query($id: ID!) { note(id: $id) { shareLinks { active } } }`, { id: note.id }, ada.token);
    expect(listed.data!.note.shareLinks).toEqual([{ active: false }]);

    expect(await page('A'.repeat(32))).toMatchObject({ status: 404, reason: 'unknown' });
    expect(await page('short')).toMatchObject({ status: 404, reason: 'unknown' });
    expect((await fetch(`${app.origin}/notes/elsewhere`)).status).toBe(404);
    expect(reasonOf(await app.call(SHARED, { t: 'nonsense' }))).toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN' });
  });

  it('are the owner\'s to make, list and revoke; a deleted note takes its links with it', async () => {
    const ada = await newMember(app);
    const editor = await newMember(app);
    const stranger = await newMember(app);
    const note = await ada.create({ title: 'Mine' });
    await app.call(`mutation($n: ID!, $u: ID!) { shareNote(noteId: $n, userId: $u, role: EDITOR) { id } }`, { n: note.id, u: editor.publicId }, ada.token);
    expect(errorCodes(await app.call(CREATE_LINK, { n: note.id }, editor.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(CREATE_LINK, { n: note.id }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(reasonOf(await app.call(CREATE_LINK, { n: note.id, s: 10 }, ada.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInSeconds' });
    const created = await link(ada.token, note.id);
    expect(errorCodes(await app.call(REVOKE, { id: created.link.id }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await app.call(REVOKE, { id: created.link.id }, editor.token))).toEqual(['FORBIDDEN']);
    expect((await app.call(`query($id: ID!) { note(id: $id) { shareLinks { id } } }`, { id: note.id }, editor.token)).data!.note.shareLinks).toBeNull();
    expect((await page(created.token)).status).toBe(200);

    const org = uuidv7();
    const member = await app.auth.tokenFor(uuidv7(), { tenant: { id: org, role: 'member' } });
    const orgNote = (await app.call(`mutation { createNote(input: { title: "team", shared: true }) { id } }`, {}, member)).data!.createNote.id as string;
    expect(reasonOf(await app.call(CREATE_LINK, { n: orgNote }, member))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'noteId' });

    await app.call(`mutation($id: ID!) { deleteNote(id: $id) }`, { id: note.id }, ada.token);
    expect(await page(created.token)).toMatchObject({ status: 404, reason: 'unknown' });
  });
});
