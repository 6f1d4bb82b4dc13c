import type { SeedContext } from '@mosaic/kit';

const CREATE_NOTE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }`;

const demoNotes = [
  { title: 'Welcome to Mosaic', body: 'Notes support tags, pinning and full-text search: try `notes(search: "federation")`.', tags: ['mosaic'], pinned: true },
  { title: 'Federation cheat sheet', body: 'User is owned by accounts; todos and notes extend it with @key(fields: "id").', tags: ['graphql', 'federation'] },
  { title: 'Running plan', body: 'Easy runs Tuesday and Thursday, long run on Sunday.', tags: ['sport'] },
];

/** The demo user's notes: a pinned welcome note and two tagged ones to search. */
export async function seedNotes(seed: SeedContext): Promise<void> {
  for (const input of demoNotes) await seed.graphql(CREATE_NOTE, { input }, 'user');
}
