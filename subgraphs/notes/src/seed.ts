import * as Y from 'yjs';
import type { SeedContext } from '@mosaic/kit';

const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id owner { id } } }`;
const SHARE_NOTE = `mutation($noteId: ID!, $userId: ID!) { shareNote(noteId: $noteId, userId: $userId, role: EDITOR) { id } }`;
const NOTE_DOCUMENT = `query($noteId: ID!) { noteDocument(noteId: $noteId) { update } }`;
const APPLY_UPDATE = `mutation($noteId: ID!, $update: String!) { applyNoteUpdate(noteId: $noteId, update: $update) { stateVector } }`;

interface Created {
  createNote: { id: string; owner: { id: string } };
}

const demoNotes = [
  { title: 'Welcome to Mosaic', body: 'Notes support tags, pinning and full-text search: try `notes(search: "federation")`.', tags: ['mosaic'], pinned: true },
  { title: 'Federation cheat sheet', body: 'User is owned by accounts; todos and notes extend it with @key(fields: "id").', tags: ['graphql', 'federation'] },
  { title: 'Running plan', body: 'Easy runs Tuesday and Thursday, long run on Sunday.', tags: ['sport'] },
];

/**
 * The demo user's notes: a pinned welcome note, two tagged ones to search, and a team plan shared
 * with the demo admin as editor, which the admin has already co-edited (a Yjs update of theirs).
 */
export async function seedNotes(seed: SeedContext): Promise<void> {
  for (const input of demoNotes) await seed.graphql(CREATE_NOTE, { input }, 'user');
  // The admin's own note; its owner is how the seed learns the admin's id to share with.
  const admins = await seed.graphql<Created>(CREATE_NOTE, { input: { title: 'Support checklist', body: '- check the dead letters\n- rotate keys' } }, 'admin');
  const plan = await seed.graphql<Created>(CREATE_NOTE, { input: { title: 'Team plan (co-edited)', body: '# Team plan\n\n- ship co-editing\n', tags: ['team'] } }, 'user');
  const noteId = plan.createNote.id;
  await seed.graphql(SHARE_NOTE, { noteId, userId: admins.createNote.owner.id }, 'user');

  const doc = new Y.Doc();
  const loaded = await seed.graphql<{ noteDocument: { update: string } }>(NOTE_DOCUMENT, { noteId }, 'admin');
  Y.applyUpdate(doc, Buffer.from(loaded.noteDocument.update, 'base64'));
  const before = Y.encodeStateVector(doc);
  const text = doc.getText('body');
  text.insert(text.length, '- review the notebooks (added by the admin, live)\n');
  await seed.graphql(APPLY_UPDATE, { noteId, update: Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64') }, 'admin');
}
