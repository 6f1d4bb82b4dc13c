import { z } from 'zod';
import { NotFoundError, UserInputError, refreshLoaders, uuidv7, validate, written, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { ancestryOf, deleteNotebook as remove, findNotebooksOf, insertNotebook, lockNotebooksOf, subtreeDepth, updateNotebook, setNotebook } from '../data/notebooks-repo';
import { nextVersion } from '../data/notes-repo';
import type { NotebookRow, NoteRow } from '../data/tables';

type NotebookContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/** Deep enough for any real filing scheme, shallow enough that a path is always cheap to walk. */
export const MAX_NOTEBOOK_DEPTH = 10;
const MAX_NAME_LENGTH = 100;

const nameSchema = z
  .string()
  .transform((name) => name.trim())
  .refine((name) => name.length >= 1 && name.length <= MAX_NAME_LENGTH, `must be 1 to ${MAX_NAME_LENGTH} characters (after trimming)`)
  .refine((name) => !/\p{Cc}/u.test(name), 'must be a single line without control characters');

/** The viewer's notebook or NOT_FOUND (row-level security hides everyone else's). */
async function ownNotebook(ctx: NotebookContext, id: string): Promise<NotebookRow> {
  const userId = ctx.auth.require('notes:read').userId;
  const notebook = await ctx.loaders.notebookById.load(id);
  if (!notebook || notebook.ownerId !== userId) throw new NotFoundError('Notebook');
  return notebook;
}

export async function listNotebooks(ctx: NotebookContext): Promise<NotebookRow[]> {
  const userId = ctx.auth.require('notes:read').userId;
  const rows = await ctx.db.run((tx) => findNotebooksOf(tx, userId));
  for (const row of rows) ctx.loaders.notebookById.prime(row.id, row);
  return rows;
}

export async function findNotebook(ctx: NotebookContext, id: string): Promise<NotebookRow> {
  return ownNotebook(ctx, id);
}

/** A notebook's parent, for the owner (null at the top level). */
export async function parentOf(ctx: NotebookContext, notebook: NotebookRow): Promise<NotebookRow | null> {
  return notebook.parentId ? ctx.loaders.notebookById.load(notebook.parentId) : null;
}

export async function childrenOf(ctx: NotebookContext, notebook: NotebookRow): Promise<NotebookRow[]> {
  return ctx.loaders.notebookChildren.load(notebook.id);
}

/** A note's notebook, for its owner only (a co-editor does not see how the owner files notes). */
export async function notebookOfNote(ctx: NotebookContext, note: NoteRow): Promise<NotebookRow | null> {
  if (!note.notebookId || note.ownerId !== ctx.auth.viewer?.userId) return null;
  return ctx.loaders.notebookById.load(note.notebookId);
}

export async function createNotebook(ctx: NotebookContext, input: { name: string; parentId?: string | null }): Promise<NotebookRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const name = validate(nameSchema, input.name, 'input.name');
  const now = ctx.now();
  const notebook = await ctx.db.run(async (tx) => {
    if (input.parentId) {
      await lockNotebooksOf(tx, ownerId);
      await assertMayHold(tx, input.parentId, 1, 'input.parentId');
    }
    return insertNotebook(tx, { id: uuidv7(now.getTime()), ownerId, parentId: input.parentId ?? null, name, createdAt: now, updatedAt: now });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.notebookById, notebook.id, notebook));
  return notebook;
}

export async function renameNotebook(ctx: NotebookContext, id: string, rawName: string): Promise<NotebookRow> {
  ctx.auth.require('notes:write');
  const name = validate(nameSchema, rawName, 'name');
  await ownNotebook(ctx, id);
  const notebook = await ctx.db.run((tx) => updateNotebook(tx, id, { name }, ctx.now()));
  if (!notebook) throw new NotFoundError('Notebook');
  refreshLoaders(ctx.loaders, written(ctx.loaders.notebookById, id, notebook));
  return notebook;
}

/**
 * Puts a notebook inside another (null: at the top level). Refused, with nothing changed, when the
 * new parent is the notebook itself or inside it (a cycle), or when the result would be deeper than
 * MAX_NOTEBOOK_DEPTH. Checked and written under the owner's notebook lock.
 */
export async function moveNotebook(ctx: NotebookContext, id: string, parentId: string | null): Promise<NotebookRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  await ownNotebook(ctx, id);
  const notebook = await ctx.db.run(async (tx) => {
    await lockNotebooksOf(tx, ownerId);
    if (parentId) {
      const ancestry = await assertMayHold(tx, parentId, await subtreeDepth(tx, id, MAX_NOTEBOOK_DEPTH + 1), 'parentId');
      if (ancestry.includes(id)) throw new UserInputError('parentId: a notebook cannot go inside itself or one of its own notebooks; pick a notebook outside it (or null for the top level).', 'parentId');
    }
    return updateNotebook(tx, id, { parentId }, ctx.now());
  });
  if (!notebook) throw new NotFoundError('Notebook');
  refreshLoaders(ctx.loaders, written(ctx.loaders.notebookById, id, notebook));
  return notebook;
}

/** The parent must be the owner's, and a subtree `depth` deep must fit under it. Returns the parent's ancestry (itself first). */
async function assertMayHold(tx: Db, parentId: string, depth: number, field: string): Promise<string[]> {
  // Row-level security limits the walk to the viewer's own notebooks: anyone else's parent is not found.
  const ancestry = await ancestryOf(tx, parentId, MAX_NOTEBOOK_DEPTH + 1);
  if (ancestry.length === 0) throw new NotFoundError('Notebook');
  if (ancestry.length + depth > MAX_NOTEBOOK_DEPTH) throw new UserInputError(`${field}: notebooks nest at most ${MAX_NOTEBOOK_DEPTH} deep; pick a notebook higher up.`, field);
  return ancestry;
}

/** Deletes a notebook with the notebooks inside it; their notes are kept, no longer filed. Returns the raw id. */
export async function deleteNotebook(ctx: NotebookContext, id: string): Promise<string> {
  ctx.auth.require('notes:write');
  await ownNotebook(ctx, id);
  if (!(await ctx.db.run((tx) => remove(tx, id)))) throw new NotFoundError('Notebook');
  refreshLoaders(ctx.loaders);
  return id;
}

/** Files the viewer's own note in one of their notebooks (null: takes it out). */
export async function moveNote(ctx: NotebookContext, noteId: string, notebookId: string | null): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  if (notebookId) await ownNotebook(ctx, notebookId);
  const note = await ctx.db.run((tx) => setNotebook(tx, noteId, ownerId, notebookId, nextVersion(ctx.now())));
  if (!note) throw new NotFoundError('Note');
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  return note;
}
