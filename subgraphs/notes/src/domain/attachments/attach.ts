import { ForbiddenError, NotFoundError, UserInputError, encodeId, refreshLoaders } from '@mosaic/kit';
import { assertOwnFiles, AttachmentRefusedError, findFileOwners } from '@mosaic/files/attachments';
import type { Context } from '../../context';
import { fileOwners } from '../../data/attachment-tables';
import { countNoteAttachments, deleteNoteAttachment, findAttachmentsOf, insertNoteAttachment, lockNoteForAttachments } from '../../data/attachments-repo';
import type { NoteRow } from '../../data/tables';
import { accessTo } from '../access';

/** At most this many files on one note. */
export const MAX_NOTE_ATTACHMENTS = 20;

type AttachContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'attachmentLoaders' | 'now'>;

/** The note, if the viewer may change it: NOT_FOUND when they may not see it, FORBIDDEN when they may only read it. */
async function editableNote(ctx: AttachContext, noteId: string): Promise<NoteRow> {
  ctx.auth.require('notes:write');
  const found = await accessTo(ctx, noteId);
  if (!found) throw new NotFoundError('Note');
  if (found.access === 'viewer') throw new ForbiddenError('You can read this note but not change it: ask its owner to make you an editor.');
  return found.note;
}

/**
 * Attaches one of the viewer's own files to a note they may edit (owner or editor). Attaching it
 * again changes nothing. Someone else's file or an unknown id is BAD_USER_INPUT (NOT_YOUR_FILE),
 * the 21st file TOO_MANY_ATTACHMENTS; the note is locked while counting, so concurrent attaches
 * cannot pass the limit together.
 */
export async function attachFileToNote(ctx: AttachContext, noteId: string, fileId: string): Promise<NoteRow> {
  const userId = ctx.auth.require('notes:write').userId;
  const note = await editableNote(ctx, noteId);
  await ctx.db.run(async (tx) => {
    if (!(await lockNoteForAttachments(tx, note.id))) throw new NotFoundError('Note');
    assertOwnFiles(await findFileOwners(tx, fileOwners, [fileId]), [fileId], userId, { max: 1, field: 'input.fileId', encode: (id) => encodeId('File', id) });
    // Through `tx`, not a loader: a loader opens its own transaction, which on PGlite (one connection) would wait for this one forever.
    const already = (await findAttachmentsOf(tx, [note.id])).some((row) => row.fileId === fileId);
    if (already) return;
    if ((await countNoteAttachments(tx, note.id)) >= MAX_NOTE_ATTACHMENTS) {
      throw new AttachmentRefusedError(`A note has at most ${MAX_NOTE_ATTACHMENTS} attachments; detach one first.`, 'input.fileId', 'TOO_MANY_ATTACHMENTS');
    }
    await insertNoteAttachment(tx, { noteId: note.id, fileId, attachedBy: userId, createdAt: ctx.now() });
  });
  refreshLoaders(ctx.attachmentLoaders);
  return note;
}

/** Detaches a file (anyone who may edit the note); readers lose it at once, tickets handed out expire within minutes. */
export async function detachFileFromNote(ctx: AttachContext, noteId: string, fileId: string): Promise<NoteRow> {
  const note = await editableNote(ctx, noteId);
  const removed = await ctx.db.run((tx) => deleteNoteAttachment(tx, note.id, fileId));
  if (!removed) throw new UserInputError(`input.fileId: ${encodeId('File', fileId)} is not attached to this note.`, 'input.fileId');
  refreshLoaders(ctx.attachmentLoaders);
  return note;
}
