import * as Y from 'yjs';
import type { SeedContext } from '@mosaic/kit';
import { seedNoteAttachment } from './seed-attachments';

const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id owner { id } } }`;
const SHARE_NOTE = `mutation($noteId: ID!, $userId: ID!) { shareNote(noteId: $noteId, userId: $userId, role: EDITOR) { id } }`;
const NOTE_DOCUMENT = `query($noteId: ID!) { noteDocument(noteId: $noteId) { update } }`;
const APPLY_UPDATE = `mutation($noteId: ID!, $update: String!) { applyNoteUpdate(noteId: $noteId, update: $update) { stateVector } }`;
const CREATE_NOTEBOOK = `mutation($input: CreateNotebookInput!) { createNotebook(input: $input) { id } }`;
const MOVE_NOTE = `mutation($id: ID!, $notebookId: ID) { moveNote(id: $id, notebookId: $notebookId) { id } }`;
const CREATE_LINK = `mutation($noteId: ID!) { createNoteShareLink(noteId: $noteId, expiresInSeconds: 2592000) { url } }`;

interface Created {
  createNote: { id: string; owner: { id: string } };
}

const demoNotes = [
  { title: 'Welcome to Mosaic', body: 'Notes support tags, pinning and full-text search: try `notes(search: "federation")`.', tags: ['mosaic'], pinned: true },
  { title: 'Federation cheat sheet', body: 'User is owned by accounts; todos and notes extend it with @key(fields: "id").', tags: ['graphql', 'federation'] },
  { title: 'Running plan', body: 'Easy runs Tuesday and Thursday, long run on Sunday.', tags: ['sport'] },
];

/**
 * The demo user's notes: a pinned welcome note, two tagged ones to search, notebooks (Work with
 * Projects inside, Personal), a 30-day public link to the running plan, and a team plan shared with
 * the demo admin as editor, which the admin has already co-edited (a Yjs update of theirs, so the
 * plan has two revisions: the user's and the admin's).
 */
export async function seedNotes(seed: SeedContext): Promise<void> {
  const ids: string[] = [];
  for (const input of demoNotes) ids.push((await seed.graphql<Created>(CREATE_NOTE, { input }, 'user')).createNote.id);
  const notebook = async (name: string, parentId?: string) => (await seed.graphql<{ createNotebook: { id: string } }>(CREATE_NOTEBOOK, { input: { name, parentId } }, 'user')).createNotebook.id;
  const work = await notebook('Work');
  const projects = await notebook('Projects', work);
  const personal = await notebook('Personal');
  await seed.graphql(MOVE_NOTE, { id: ids[1], notebookId: work }, 'user');
  await seed.graphql(MOVE_NOTE, { id: ids[2], notebookId: personal }, 'user');
  const link = await seed.graphql<{ createNoteShareLink: { url: string } }>(CREATE_LINK, { noteId: ids[2] }, 'user');
  seed.log.info({ url: link.createNoteShareLink.url }, 'demo note shared publicly');
  // The admin's own note; its owner is how the seed learns the admin's id to share with.
  const admins = await seed.graphql<Created>(CREATE_NOTE, { input: { title: 'Support checklist', body: '- check the dead letters\n- rotate keys' } }, 'admin');
  const plan = await seed.graphql<Created>(CREATE_NOTE, { input: { title: 'Team plan (co-edited)', body: '# Team plan\n\n- ship co-editing\n', tags: ['team'] } }, 'user');
  const noteId = plan.createNote.id;
  await seed.graphql(MOVE_NOTE, { id: noteId, notebookId: projects }, 'user');
  await seed.graphql(SHARE_NOTE, { noteId, userId: admins.createNote.owner.id }, 'user');

  const doc = new Y.Doc();
  const loaded = await seed.graphql<{ noteDocument: { update: string } }>(NOTE_DOCUMENT, { noteId }, 'admin');
  Y.applyUpdate(doc, Buffer.from(loaded.noteDocument.update, 'base64'));
  const before = Y.encodeStateVector(doc);
  const text = doc.getText('body');
  text.insert(text.length, '- review the notebooks (added by the admin, live)\n');
  await seed.graphql(APPLY_UPDATE, { noteId, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64') }, 'admin');
  await seedNoteAttachment(seed, plan.createNote.owner.id);
}
