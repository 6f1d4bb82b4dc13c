import { NotFoundError, UserInputError, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { countTags } from '../data/note-queries-repo';
import { findOwnedNoteForUpdate, updateOwnedNote } from '../data/notes-repo';
import type { NoteRow } from '../data/tables';
import { MAX_TAGS, tagListSchema, withoutTags, withTags } from './tags';

type NotesContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/**
 * Read, change and write the tags under a row lock, so two concurrent additions both land. When
 * the tags do not change, nothing is written and `updatedAt` stays.
 */
async function changeTags(ctx: NotesContext, noteId: string, change: (current: readonly string[]) => string[]): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const note = await ctx.db.run(async (tx) => {
    const current = await findOwnedNoteForUpdate(tx, noteId, ownerId);
    if (!current) throw new NotFoundError('Note');
    const tags = change(current.tags);
    if (tags.length === current.tags.length && tags.every((tag, i) => tag === current.tags[i])) return current;
    return (await updateOwnedNote(tx, { id: noteId, ownerId }, { tags }, ctx.now()))!;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  return note;
}

export async function addNoteTags(ctx: NotesContext, noteId: string, tags: readonly string[]): Promise<NoteRow> {
  ctx.auth.require('notes:write');
  const added = validate(tagListSchema, tags, 'tags');
  return changeTags(ctx, noteId, (current) => {
    const next = withTags(current, added);
    if (next.length > MAX_TAGS) {
      throw new UserInputError(`tags: a note can have at most ${MAX_TAGS} tags; it has ${current.length}.`, 'tags');
    }
    return next;
  });
}

export async function removeNoteTags(ctx: NotesContext, noteId: string, tags: readonly string[]): Promise<NoteRow> {
  ctx.auth.require('notes:write');
  const removed = validate(tagListSchema, tags, 'tags');
  return changeTags(ctx, noteId, (current) => withoutTags(current, removed));
}

/** `Query.noteTags`. */
export function noteTags(ctx: Pick<Context, 'auth' | 'db'>): Promise<{ name: string; count: number }[]> {
  const ownerId = ctx.auth.require('notes:read').userId;
  return ctx.db.run((tx) => countTags(tx, ownerId));
}
