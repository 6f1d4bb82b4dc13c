import { z } from 'zod';
import { ConflictError, NotFoundError, UserInputError, uuidv7, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteOwnedNote, findOwnedNote, insertNote, updateOwnedNote } from '../data/notes-repo';
import type { NoteRow } from '../data/tables';
import { accessTo } from './access';
import { saveRevision } from './revision-recording';
import { signalAccessChange } from './co-editing/access-signal';
import { broadcast, openForWrite, storeUpdate } from './co-editing/co-editing';
import { encodeBase64, replaceText } from './co-editing/yjs-document';
import { bodySchema, titleSchema } from './note-text';
import { tagListSchema } from './tags';

type NotesContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'pubsub' | 'settings'>;

/**
 * The viewer's note, one shared with them, or one shared in the organisation their token is
 * switched to; null for anything else, exactly as for a missing one, so existence never leaks.
 */
export async function visibleNote(ctx: Pick<Context, 'auth' | 'loaders'>, noteId: string): Promise<NoteRow | null> {
  return (await accessTo(ctx, noteId))?.note ?? null;
}

/** `Query.note`: the viewer's note or NOT_FOUND. */
export async function findNote(ctx: Pick<Context, 'auth' | 'loaders'>, noteId: string): Promise<NoteRow> {
  const note = await visibleNote(ctx, noteId);
  if (!note) throw new NotFoundError('Note');
  return note;
}

const createInput = z.object({
  title: titleSchema.nullish(),
  body: bodySchema.nullish(),
  tags: tagListSchema.nullish(),
  pinned: z.boolean().nullish(),
  shared: z.boolean().nullish(),
});

export async function createNote(ctx: NotesContext, input: unknown): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const { title, body, tags, pinned, shared } = validate(createInput, input);
  const tenantId = shared ? ctx.auth.tenantId() : null;
  if (shared && !tenantId) throw new UserInputError('input.shared: switch to an organization first (switchOrganization); a shared note belongs to it.', 'input.shared');
  const now = ctx.now();
  const note = await ctx.db.run(async (tx) => {
    const created = await insertNote(tx, {
      id: uuidv7(now.getTime()),
      ownerId,
      tenantId,
      title: title ?? '',
      body: body ?? '',
      tags: tags ?? [],
      pinned: pinned ?? false,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await saveRevision(ctx, tx, created, ownerId);
    return created;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  return note;
}

/**
 * Omitted fields keep their value; null for them is refused rather than guessed at (empty? keep?).
 * `expectedUpdatedAt` is already a normalised instant (DateTime scalar); null means "no check".
 */
const updateInput = z.object({
  title: titleSchema.optional(),
  body: bodySchema.optional(),
  tags: tagListSchema.optional(),
  expectedUpdatedAt: z.string().nullish(),
});

export async function updateNote(ctx: NotesContext, noteId: string, input: unknown): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const { expectedUpdatedAt, ...changes } = validate(updateInput, input);
  if (changes.title === undefined && changes.body === undefined && changes.tags === undefined) {
    throw new UserInputError('input: give at least one of title, body or tags to change.', 'input');
  }
  const expected = expectedUpdatedAt ? new Date(expectedUpdatedAt) : undefined;
  const { note, bodyUpdate } = await ctx.db.run(async (tx) => {
    // A new body is an edit of the co-editing document too (the smallest one), so co-editors keep their changes elsewhere in the text.
    const opened = changes.body === undefined ? null : await openForWrite(tx, noteId);
    const update = opened ? replaceText(opened.doc, changes.body!) : null;
    const row = await updateOwnedNote(tx, { id: noteId, ownerId, expectedUpdatedAt: expected }, changes, ctx.now());
    if (row && opened && update) await storeUpdate(ctx, tx, { noteId, authorId: ownerId, ...opened }, update);
    if (row && (changes.title !== undefined || changes.body !== undefined)) await saveRevision(ctx, tx, row, ownerId);
    return { note: row, bodyUpdate: row ? update : null };
  });
  if (!note) {
    const current = expected ? await ctx.db.run((tx) => findOwnedNote(tx, noteId, ownerId)) : undefined;
    if (!current) throw new NotFoundError('Note');
    throw new ConflictError('The note changed since you read it. Reload it, merge your edit and try again.', {
      field: 'input.expectedUpdatedAt',
      currentUpdatedAt: current.updatedAt.toISOString(),
    });
  }
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  if (bodyUpdate) await broadcast(ctx, { noteId, update: encodeBase64(bodyUpdate), origin: null, authorId: ownerId, sync: false });
  return note;
}

/** Deletes the viewer's note for good; returns its raw id. */
export async function deleteNote(ctx: NotesContext, noteId: string): Promise<string> {
  const ownerId = ctx.auth.require('notes:write').userId;
  if (!(await ctx.db.run((tx) => deleteOwnedNote(tx, noteId, ownerId)))) throw new NotFoundError('Note');
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, noteId, null));
  // Everyone's live streams of the note end (NOT_FOUND), on every replica.
  await signalAccessChange(ctx, noteId, null);
  return noteId;
}
