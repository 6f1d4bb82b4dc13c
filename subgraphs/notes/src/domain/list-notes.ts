import { toConnection, type Connection } from '@mosaic/kit';
import type { Context } from '../context';
import type { NoteCriteria, NoteHit } from '../data/note-queries-repo';
import type { NoteRow } from '../data/tables';
import { parseHighlight, type SearchHighlight } from './highlight';
import { criteriaOf, parseNoteListArgs, type NoteListArgs } from './list-query';
import { cursorKey } from './note-cursors';

export interface NoteEdgeModel {
  cursor: string;
  node: NoteRow;
  rank: number | null;
  highlight: SearchHighlight | null;
}

/** A page of notes, plus what `totalCount` needs to count the whole list lazily. */
export interface NotePage {
  edges: NoteEdgeModel[];
  pageInfo: Connection<NoteRow>['pageInfo'];
  scope: { ownerId: string; criteria: NoteCriteria };
}

type ListContext = Pick<Context, 'auth' | 'loaders'>;

/** `User.notes`: batched per request, so N users in one `_entities` call cost one statement. */
export async function listNotesOf(ctx: ListContext, ownerId: string, args: NoteListArgs): Promise<NotePage> {
  ctx.auth.require('notes:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'notes');
  const query = parseNoteListArgs(args);
  const hits = await ctx.loaders.notePage.load({ parentId: ownerId, query });
  for (const { note } of hits) ctx.loaders.noteById.prime(note.id, note);
  const connection = toConnection<NoteHit>(hits, query.limit, (hit) => cursorKey(query.order, hit), args.after);
  return {
    edges: connection.edges.map(({ cursor, node: hit }) => ({
      cursor,
      node: hit.note,
      rank: hit.rank,
      highlight: hit.headline === null ? null : parseHighlight(hit.headline),
    })),
    pageInfo: connection.pageInfo,
    scope: { ownerId, criteria: criteriaOf(query) },
  };
}

/** `NoteConnection.totalCount`, only when asked for; batched like the pages. */
export function countNotesOf(ctx: Pick<Context, 'loaders'>, scope: NotePage['scope']): Promise<number> {
  return ctx.loaders.noteCount.load({ parentId: scope.ownerId, query: scope.criteria });
}
