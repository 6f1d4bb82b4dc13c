import { and, arrayContains, asc, count, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteColumns } from './notes-repo';
import { headline, searchQuery } from './search-sql';
import { notes, type NoteRow } from './tables';

/** Which notes a list shows (and counts). JSON-serialisable: it is part of DataLoader keys. */
export interface NoteCriteria {
  /** What the user typed, trimmed; null = no search. */
  search: string | null;
  pinned: boolean | null;
  /** false: not archived; true: only archived; null: both. */
  archived: boolean | null;
  /** Normalised tags the note must all carry. */
  tags: string[];
  /** ISO instant, exclusive. */
  updatedAfter: string | null;
  /** Raw notebook id: only the notes filed directly in it. */
  notebookId: string | null;
}

export type NoteOrderName = 'UPDATED_AT' | 'CREATED_AT' | 'TITLE' | 'RELEVANCE';

/** The sort key of the last note of the previous page, per order (ISO instants, raw uuids). */
export type Keyset =
  | { order: 'UPDATED_AT'; pinned: boolean; updatedAt: string; id: string }
  | { order: 'CREATED_AT'; createdAt: string; id: string }
  | { order: 'TITLE'; titleKey: string; id: string }
  | { order: 'RELEVANCE'; rank: number; id: string };

export interface NoteListQuery extends NoteCriteria {
  order: NoteOrderName;
  /** Rows per owner; the repo fetches one more to tell whether another page exists. */
  limit: number;
  after: Keyset | null;
}

/** A listed note with what its edge and cursor need beyond the row. */
export interface NoteHit {
  note: NoteRow;
  /** ts_rank when searching, else null. */
  rank: number | null;
  /** lower(title) as PostgreSQL computes it: the TITLE order's sort key (JavaScript's lower-casing may differ). */
  titleKey: string;
  /** ts_headline with match markers when searching, else null. */
  headline: string | null;
}

function conditions(criteria: NoteCriteria, tsquery: SQL | null): (SQL | undefined)[] {
  return [
    criteria.archived === null ? undefined : criteria.archived ? isNotNull(notes.archivedAt) : isNull(notes.archivedAt),
    criteria.pinned === null ? undefined : eq(notes.pinned, criteria.pinned),
    criteria.tags.length > 0 ? arrayContains(notes.tags, criteria.tags) : undefined,
    criteria.updatedAfter ? gt(notes.updatedAt, new Date(criteria.updatedAfter)) : undefined,
    criteria.notebookId ? eq(notes.notebookId, criteria.notebookId) : undefined,
    tsquery ? sql`${notes.searchDocument} @@ ${tsquery}` : undefined,
  ];
}

const titleKey = sql<string>`lower(${notes.title})`;

/**
 * ORDER BY and the keyset condition "after this key" of each order. Every order ends in the id,
 * so it is total and a cursor never skips or repeats a note; the keyset compares rows, so an
 * index on (owner_id, …same columns) serves both.
 */
function ordering(order: NoteOrderName, rank: SQL): { by: SQL[]; after: (key: Keyset) => SQL } {
  switch (order) {
    case 'UPDATED_AT':
      return {
        by: [desc(notes.pinned), desc(notes.updatedAt), desc(notes.id)],
        after: (k) =>
          k.order === 'UPDATED_AT'
            ? sql`(${notes.pinned}, ${notes.updatedAt}, ${notes.id}) < (${k.pinned}::boolean, ${k.updatedAt}::timestamptz, ${k.id}::uuid)`
            : mismatch(),
      };
    case 'CREATED_AT':
      return {
        by: [desc(notes.createdAt), desc(notes.id)],
        after: (k) => (k.order === 'CREATED_AT' ? sql`(${notes.createdAt}, ${notes.id}) < (${k.createdAt}::timestamptz, ${k.id}::uuid)` : mismatch()),
      };
    case 'TITLE':
      return {
        by: [asc(titleKey), asc(notes.id)],
        after: (k) => (k.order === 'TITLE' ? sql`(${titleKey}, ${notes.id}) > (${k.titleKey}::text, ${k.id}::uuid)` : mismatch()),
      };
    case 'RELEVANCE':
      return {
        by: [desc(rank), desc(notes.id)],
        // The rank travels as text: real → text → real is exact, a float8 parameter might not be.
        after: (k) => (k.order === 'RELEVANCE' ? sql`(${rank}, ${notes.id}) < (${String(k.rank)}::real, ${k.id}::uuid)` : mismatch()),
      };
  }
}

function mismatch(): never {
  throw new Error('The keyset belongs to another order; the domain must reject such a cursor.');
}

/**
 * One page per owner for many owners in ONE statement (what `_entities` with N users needs): a
 * lateral subquery runs the single-owner query — index range scan, ORDER BY, LIMIT — once per
 * owner id. Rows come back grouped by owner, in page order. Headlines are computed outside the
 * subquery, so only for the rows returned, not for every match.
 */
export async function findNotePages(db: Db, ownerIds: readonly string[], query: NoteListQuery): Promise<NoteHit[]> {
  if (ownerIds.length === 0) return [];
  const tsquery = query.search === null ? null : searchQuery(query.search);
  const rank = tsquery ? sql`ts_rank(${notes.searchDocument}, ${tsquery})` : sql`null::real`;
  const order = ordering(query.order, rank);
  // One parameter per owner (portable across postgres.js and PGlite); `ord` keeps the callers' order.
  const ownerList = sql.join(ownerIds.map((id) => sql`${id}`), sql`, `);
  const owners = sql`unnest(array[${ownerList}]::uuid[]) with ordinality as owners(id, ord)`;
  const page = db
    .select({
      ...noteColumns,
      rank: sql<number | null>`${rank}`.as('rank'),
      titleKey: titleKey.as('title_key'),
      position: sql<number>`row_number() over (order by ${sql.join(order.by, sql`, `)})`.as('position'),
    })
    .from(notes)
    .where(and(sql`${notes.ownerId} = owners.id`, ...conditions(query, tsquery), query.after ? order.after(query.after) : undefined))
    .orderBy(...order.by)
    .limit(query.limit + 1)
    .as('page');
  const note = {
    id: page.id,
    ownerId: page.ownerId,
    tenantId: page.tenantId,
    title: page.title,
    body: page.body,
    tags: page.tags,
    pinned: page.pinned,
    archivedAt: page.archivedAt,
    createdAt: page.createdAt,
    updatedAt: page.updatedAt,
    notebookId: page.notebookId,
  } satisfies Record<keyof NoteRow, unknown>;
  // The excerpt may come from the title or the body; an empty title adds no blank line.
  const document = sql`case when ${page.title} = '' then ${page.body} else ${page.title} || E'\\n' || ${page.body} end`;
  const rows = await db
    .select({
      note,
      rank: page.rank,
      titleKey: page.titleKey,
      headline: tsquery ? headline(document, tsquery).mapWith(String) : sql<null>`null`,
    })
    .from(owners)
    .crossJoinLateral(page)
    .orderBy(sql`owners.ord`, page.position);
  return rows.map((row) => ({ ...row, rank: row.rank === null ? null : Number(row.rank) }));
}

/** How many notes match, per owner, in one statement; owners with none are absent. */
export async function countNotes(db: Db, ownerIds: readonly string[], criteria: NoteCriteria): Promise<{ ownerId: string; count: number }[]> {
  if (ownerIds.length === 0) return [];
  const tsquery = criteria.search === null ? null : searchQuery(criteria.search);
  return db
    .select({ ownerId: notes.ownerId, count: count() })
    .from(notes)
    .where(and(inArray(notes.ownerId, [...ownerIds]), ...conditions(criteria, tsquery)))
    .groupBy(notes.ownerId);
}

/** The owner's tags on notes not archived, with how many notes carry each: most used first, then A to Z. */
export async function countTags(db: Db, ownerId: string): Promise<{ name: string; count: number }[]> {
  const tag = sql<string>`tag`;
  return db
    .select({ name: tag, count: count() })
    .from(sql`${notes} cross join lateral unnest(${notes.tags}) as tag`)
    .where(and(eq(notes.ownerId, ownerId), isNull(notes.archivedAt)))
    .groupBy(tag)
    .orderBy(desc(count()), asc(tag));
}
