import { NotFoundError, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { setArchived, setPinned } from '../data/notes-repo';
import type { NoteRow } from '../data/tables';

type NotesContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/** Pin or unpin; idempotent (asking for the current state changes nothing, not even `updatedAt`). */
export async function setNotePinned(ctx: NotesContext, noteId: string, pinned: boolean): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const note = await ctx.db.run((tx) => setPinned(tx, noteId, ownerId, pinned, ctx.now()));
  if (!note) throw new NotFoundError('Note');
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  return note;
}

/** Archive or bring back; idempotent like pinning. */
export async function setNoteArchived(ctx: NotesContext, noteId: string, archived: boolean): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  const note = await ctx.db.run((tx) => setArchived(tx, noteId, ownerId, archived, ctx.now()));
  if (!note) throw new NotFoundError('Note');
  refreshLoaders(ctx.loaders, written(ctx.loaders.noteById, note.id, note));
  return note;
}
