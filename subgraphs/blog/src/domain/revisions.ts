import { diffLines, diffWords, createPatch, type Change } from 'diff';
import { NotFoundError, pageSize, toConnection, UserInputError, decodeCursor, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { findRevisionPage, findRevisions } from '../data/revision-repo';
import type { PostRevisionRow, PostRow } from '../data/tables';
import { mayEdit } from './access';

type RevisionContext = Pick<Context, 'auth' | 'db'>;

/** Revisions are for those who may edit the post: null (with no error) for anyone else, like a hidden field. */
export async function listRevisions(ctx: RevisionContext, post: PostRow, args: PageArgs): Promise<Connection<PostRevisionRow> | null> {
  if (!mayEdit(ctx.auth, post)) return null;
  const limit = pageSize(args.first);
  const after = args.after ? Number(decodeCursor(args.after, 1)[0]) : null;
  const rows = await findRevisionPage(ctx.db, post.id, limit, after);
  return toConnection(rows, limit, (row) => [row.number], args.after);
}

export type DiffChangeKind = 'ADDED' | 'REMOVED' | 'UNCHANGED';
export interface FieldDiff {
  field: string;
  changes: { kind: DiffChangeKind; value: string }[];
}
export interface RevisionDiff {
  from: number;
  to: number;
  fields: FieldDiff[];
  unifiedBody: string;
}

const changesOf = (parts: Change[]) => parts.map((part) => ({ kind: (part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'UNCHANGED') as DiffChangeKind, value: part.value }));

/** Single-line fields are compared word by word, the markdown line by line (jsdiff, Myers' algorithm). */
const FIELDS: { field: string; text: (r: PostRevisionRow) => string; by: 'words' | 'lines' }[] = [
  { field: 'title', text: (r) => r.title, by: 'words' },
  { field: 'slug', text: (r) => r.slug, by: 'words' },
  { field: 'excerpt', text: (r) => r.excerpt ?? '', by: 'words' },
  { field: 'tags', text: (r) => r.tags.join(', '), by: 'words' },
  { field: 'coverImageUrl', text: (r) => r.coverImageUrl ?? '', by: 'words' },
  { field: 'bodyMarkdown', text: (r) => r.bodyMarkdown, by: 'lines' },
];

export async function diffRevisions(ctx: RevisionContext, post: PostRow, from: number, to: number): Promise<RevisionDiff | null> {
  if (!mayEdit(ctx.auth, post)) return null;
  if (from === to) throw new UserInputError('from and to must be different revisions.', 'to');
  const revisions = await findRevisions(ctx.db, post.id, [from, to]);
  const older = revisions.find((r) => r.number === from);
  const newer = revisions.find((r) => r.number === to);
  if (!older) throw new NotFoundError('Revision', String(from));
  if (!newer) throw new NotFoundError('Revision', String(to));
  const fields = FIELDS.filter(({ text }) => text(older) !== text(newer)).map(({ field, text, by }) => ({
    field,
    changes: changesOf(by === 'lines' ? diffLines(text(older), text(newer)) : diffWords(text(older), text(newer))),
  }));
  const unifiedBody = createPatch(`${post.slug}.md`, older.bodyMarkdown, newer.bodyMarkdown, `revision ${from}`, `revision ${to}`);
  return { from, to, fields, unifiedBody };
}
