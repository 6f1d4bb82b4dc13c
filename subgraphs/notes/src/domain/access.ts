import type { Context } from '../context';
import type { NoteRow } from '../data/tables';

/** What the viewer may do with a note. */
export type NoteAccessLevel = 'owner' | 'editor' | 'viewer';

export interface AccessibleNote {
  note: NoteRow;
  access: NoteAccessLevel;
}

type AccessContext = Pick<Context, 'auth' | 'loaders'>;

/**
 * The viewer's access to a note, or null when they may not see it at all (exactly like a missing
 * note, so existence never leaks). Owner: their personal note, or theirs in the organisation the
 * token is switched to. Shared with them: the share's role, in any context. A member of the
 * note's organisation: viewer. Row-level security says the same in the database; this is the
 * rule's second, explicit copy.
 */
export async function accessTo(ctx: AccessContext, noteId: string): Promise<AccessibleNote | null> {
  const userId = ctx.auth.require('notes:read').userId;
  const note = await ctx.loaders.noteById.load(noteId);
  if (!note) return null;
  const inContext = note.tenantId === null || note.tenantId === ctx.auth.tenantId();
  if (note.ownerId === userId && inContext) return { note, access: 'owner' };
  const share = await ctx.loaders.viewerShare.load(noteId);
  if (share) return { note, access: share.role };
  if (note.tenantId !== null && note.tenantId === ctx.auth.tenantId()) return { note, access: 'viewer' };
  return null;
}
