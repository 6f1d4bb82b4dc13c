import { ForbiddenError, NotFoundError, UserInputError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteShare, findNotesSharedWith, upsertShare } from '../data/shares-repo';
import type { NoteRow, NoteShareRow, ShareRole } from '../data/tables';
import { accessTo } from './access';
import { signalAccessChange } from './co-editing/access-signal';
import { announceLeft } from './co-editing/awareness';

type SharingContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;
type ChangingContext = SharingContext & Pick<Context, 'pubsub'>;

/** Notes are shared with people one by one; a note for a whole team belongs to an organisation. */
const SHARED_WITH_ME_LIMIT = 100;

/** The viewer's own note (NOT_FOUND if they cannot see it, FORBIDDEN if it is only shared with them). */
async function ownNote(ctx: SharingContext, noteId: string): Promise<NoteRow> {
  const found = await accessTo(ctx, noteId);
  if (!found) throw new NotFoundError('Note');
  if (found.access !== 'owner') throw new ForbiddenError('Only the note\'s owner shares it or stops sharing it.');
  return found.note;
}

/**
 * `shareNote`: the owner gives another user editor or viewer access (again: changes the role).
 * Made a reader, their cursors leave the note for everyone (only editors publish them).
 */
export async function shareNote(ctx: ChangingContext, noteId: string, userId: string, role: ShareRole): Promise<NoteRow> {
  const ownerId = ctx.auth.require('notes:write').userId;
  if (userId === ownerId) throw new UserInputError('userId: that is you, and you own the note; give the id of someone else.', 'userId');
  const note = await ownNote(ctx, noteId);
  await ctx.db.run((tx) => upsertShare(tx, { noteId, userId, role, createdAt: ctx.now() }));
  refreshLoaders(ctx.loaders);
  await signalAccessChange(ctx, noteId, userId);
  if (role === 'viewer') await announceLeft(ctx, noteId, userId, null);
  return note;
}

/**
 * `unshareNote`: the user loses access at once: their next read or update is NOT_FOUND, and their
 * open live streams of the note (on any replica) end with NOT_FOUND.
 */
export async function unshareNote(ctx: ChangingContext, noteId: string, userId: string): Promise<NoteRow> {
  ctx.auth.require('notes:write');
  const note = await ownNote(ctx, noteId);
  await ctx.db.run((tx) => deleteShare(tx, noteId, userId));
  refreshLoaders(ctx.loaders);
  await signalAccessChange(ctx, noteId, userId);
  await announceLeft(ctx, noteId, userId, null);
  return note;
}

/** `Note.shares`: for the owner only, null for anyone else. */
export async function sharesOf(ctx: Pick<Context, 'auth' | 'loaders'>, note: NoteRow): Promise<NoteShareRow[] | null> {
  const found = await accessTo(ctx, note.id);
  return found?.access === 'owner' ? ctx.loaders.sharesOfNote.load(note.id) : null;
}

/** `notesSharedWithMe`: one statement; the viewer's shares are primed so `viewerAccess` costs nothing more. */
export async function notesSharedWithMe(ctx: SharingContext): Promise<NoteRow[]> {
  const userId = ctx.auth.require('notes:read').userId;
  const rows = await ctx.db.run((tx) => findNotesSharedWith(tx, userId, SHARED_WITH_ME_LIMIT));
  return rows.map(({ role, sharedAt, ...note }) => {
    ctx.loaders.noteById.prime(note.id, note);
    ctx.loaders.viewerShare.prime(note.id, { noteId: note.id, userId, role, createdAt: sharedAt });
    return note;
  });
}

/** `Note.viewerAccess`. */
export async function viewerAccessOf(ctx: Pick<Context, 'auth' | 'loaders'>, note: NoteRow) {
  return (await accessTo(ctx, note.id))?.access ?? 'viewer';
}
