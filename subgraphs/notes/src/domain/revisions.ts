import { diffLines, diffWords, createPatch, type Change } from 'diff';
import { ForbiddenError, NotFoundError, UserInputError } from '@mosaic/kit';
import type { Context } from '../context';
import type { RevisionListQuery } from '../data/revisions-repo';
import type { NoteRevisionRow, NoteRow } from '../data/tables';
import { accessTo } from './access';
import { updateNote } from './notes';
import { keepSince } from './revision-recording';

type RevisionContext = Pick<Context, 'auth' | 'loaders' | 'now' | 'settings'>;

const MAX_REVISIONS_PAGE = 100;
const DEFAULT_REVISIONS_PAGE = 20;

/** History is for those who may change the note (owner, editors): null, with no error, for readers. */
const mayEdit = async (ctx: RevisionContext, noteId: string) => {
  const access = (await accessTo(ctx, noteId))?.access;
  return access === 'owner' || access === 'editor';
};

/** `Note.revisions`: newest first, within the retention; batched over every note of a list. */
export async function listRevisions(ctx: RevisionContext, note: NoteRow, args: { first?: number | null; before?: string | null }): Promise<NoteRevisionRow[] | null> {
  if (!(await mayEdit(ctx, note.id))) return null;
  const first = args.first ?? DEFAULT_REVISIONS_PAGE;
  if (first < 1 || first > MAX_REVISIONS_PAGE) throw new UserInputError(`first: between 1 and ${MAX_REVISIONS_PAGE}.`, 'first');
  const query: RevisionListQuery = { limit: first, before: args.before ?? null };
  return ctx.loaders.revisionPage.load({ parentId: note.id, query });
}

/** A revision of a note the viewer may change, within the retention; NOT_FOUND otherwise. */
async function revisionFor(ctx: RevisionContext, revisionId: string): Promise<NoteRevisionRow> {
  const revision = await ctx.loaders.revisionById.load(revisionId);
  if (!revision || revision.createdAt < keepSince(ctx) || !(await mayEdit(ctx, revision.noteId))) throw new NotFoundError('NoteRevision');
  return revision;
}

export type DiffPartKind = 'ADDED' | 'REMOVED' | 'UNCHANGED';
export interface NoteRevisionDiff {
  from: NoteRevisionRow;
  /** Null: the note as it is now. */
  to: NoteRevisionRow | null;
  title: { kind: DiffPartKind; value: string }[];
  body: { kind: DiffPartKind; value: string }[];
  unifiedBody: string;
}

const partsOf = (changes: Change[]) => changes.map((part) => ({ kind: (part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'UNCHANGED') as DiffPartKind, value: part.value }));

/** `noteRevisionDiff`: the title word by word, the body line by line (jsdiff, Myers), and the body as a unified diff. */
export async function diffRevisions(ctx: RevisionContext, fromId: string, toId: string | null): Promise<NoteRevisionDiff> {
  ctx.auth.require('notes:read');
  if (fromId === toId) throw new UserInputError('to: give a different revision than `from` (or none, for the note as it is now).', 'to');
  const from = await revisionFor(ctx, fromId);
  const to = toId ? await revisionFor(ctx, toId) : null;
  if (to && to.noteId !== from.noteId) throw new UserInputError('to: a revision of the same note as `from`.', 'to');
  const current = to ?? (await accessTo(ctx, from.noteId))!.note;
  return {
    from,
    to,
    title: partsOf(diffWords(from.title, current.title)),
    body: partsOf(diffLines(from.body, current.body)),
    unifiedBody: createPatch('note.md', from.body, current.body, `revision of ${from.createdAt.toISOString()}`, to ? `revision of ${to.createdAt.toISOString()}` : 'now'),
  };
}

/**
 * `restoreNoteRevision`: the note's title and body become the revision's, written like
 * `updateNote` — one edit of the co-editing document, so live co-editors follow — and recorded as
 * a new revision (the history only grows). The owner's; FORBIDDEN for editors.
 */
export async function restoreRevision(ctx: Parameters<typeof updateNote>[0] & RevisionContext, revisionId: string): Promise<NoteRow> {
  const revision = await revisionFor(ctx, revisionId);
  if ((await accessTo(ctx, revision.noteId))?.access !== 'owner') throw new ForbiddenError('Only the note\'s owner restores a revision; you can copy its text into the note instead.');
  return updateNote(ctx, revision.noteId, { title: revision.title, body: revision.body });
}
