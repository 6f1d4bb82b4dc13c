import { decodeId, pageSize, UserInputError, validate } from '@mosaic/kit';
import type { NoteCriteria, NoteListQuery, NoteOrderName } from '../data/note-queries-repo';
import { decodeKeyset } from './note-cursors';
import { characterCount } from './note-text';
import { tagListSchema } from './tags';

export const MAX_SEARCH_LENGTH = 200;

/** The arguments of `User.notes` as GraphQL delivers them. */
export interface NoteListArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  filter?: {
    pinned?: boolean | null;
    /** Omitted → false (the SDL default); an explicit null → both. */
    archived?: boolean | null;
    tags?: readonly string[] | null;
    updatedAfter?: string | null;
    notebookId?: string | null;
  } | null;
  orderBy?: NoteOrderName | null;
}

function searchOf(search: string | null | undefined): string | null {
  const text = search?.trim() ?? '';
  if (characterCount(text) > MAX_SEARCH_LENGTH) {
    throw new UserInputError(`search: must be at most ${MAX_SEARCH_LENGTH} characters.`, 'search');
  }
  return text === '' ? null : text;
}

/** Validates and normalises the arguments into what the repo runs; every problem is a BAD_USER_INPUT naming the argument. */
export function parseNoteListArgs(args: NoteListArgs): NoteListQuery {
  const limit = pageSize(args.first);
  const search = searchOf(args.search);
  const order = args.orderBy ?? (search ? 'RELEVANCE' : 'UPDATED_AT');
  if (order === 'RELEVANCE' && !search) {
    throw new UserInputError('orderBy: RELEVANCE ranks search matches, so it needs a non-empty "search".', 'orderBy');
  }
  const filter = args.filter ?? {};
  const criteria: NoteCriteria = {
    search,
    pinned: filter.pinned ?? null,
    archived: filter.archived === undefined ? false : filter.archived,
    tags: filter.tags ? validate(tagListSchema, filter.tags, 'filter.tags') : [],
    updatedAfter: filter.updatedAfter ?? null,
    notebookId: filter.notebookId ? decodeId('Notebook', filter.notebookId, 'filter.notebookId') : null,
  };
  return { ...criteria, order, limit, after: args.after ? decodeKeyset(args.after, order) : null };
}

/** The part of a list query that decides which notes match (what `totalCount` counts). */
export function criteriaOf(query: NoteListQuery): NoteCriteria {
  const { search, pinned, archived, tags, updatedAfter, notebookId } = query;
  return { search, pinned, archived, tags, updatedAfter, notebookId };
}
