import { uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { recordRevision } from '../data/revisions-repo';
import type { NoteRow } from '../data/tables';

/** Revisions that began before this are past the retention: not listed, pruned on the next write. */
export const keepSince = (ctx: Pick<Context, 'now' | 'settings'>) => new Date(ctx.now().getTime() - ctx.settings.revisions.retentionMs);

/** Records the note's state as written by `authorId`, in the transaction of the write. */
export async function saveRevision(ctx: Pick<Context, 'now' | 'settings'>, tx: Db, note: NoteRow, authorId: string): Promise<void> {
  const now = ctx.now();
  await recordRevision(tx, { noteId: note.id, title: note.title, body: note.body, authorId }, now, { intervalMs: ctx.settings.revisions.intervalMs, keepSince: keepSince(ctx) }, () => uuidv7(now.getTime()));
}
