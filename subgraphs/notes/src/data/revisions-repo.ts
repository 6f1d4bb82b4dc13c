import { and, desc, eq, getTableColumns, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteRevisions, type NoteRevisionRow } from './tables';

export interface RevisionState {
  noteId: string;
  title: string;
  body: string;
  authorId: string;
}

export interface RevisionPolicy {
  /** A later state by the same author within this many ms of a revision's start replaces it. */
  intervalMs: number;
  /** Revisions that began before this are gone. */
  keepSince: Date;
}

/**
 * Records the note's new state: replaces the newest revision when it is the same author's and
 * began less than `intervalMs` ago, else adds one; and prunes revisions past the retention. The
 * caller holds the note's row lock (the write that changed it), so two writes never race here.
 */
export async function recordRevision(db: Db, state: RevisionState, now: Date, policy: RevisionPolicy, newId: () => string): Promise<void> {
  const [latest] = await db
    .select({ id: noteRevisions.id, authorId: noteRevisions.authorId, createdAt: noteRevisions.createdAt, title: noteRevisions.title, body: noteRevisions.body })
    .from(noteRevisions)
    .where(eq(noteRevisions.noteId, state.noteId))
    .orderBy(desc(noteRevisions.createdAt), desc(noteRevisions.id))
    .limit(1);
  if (latest && latest.title === state.title && latest.body === state.body) return;
  if (latest && latest.authorId === state.authorId && now.getTime() - latest.createdAt.getTime() < policy.intervalMs) {
    await db.update(noteRevisions).set({ title: state.title, body: state.body, savedAt: now }).where(eq(noteRevisions.id, latest.id));
  } else {
    await db.insert(noteRevisions).values({ id: newId(), ...state, createdAt: now, savedAt: now });
  }
  await db.delete(noteRevisions).where(and(eq(noteRevisions.noteId, state.noteId), lt(noteRevisions.createdAt, policy.keepSince)));
}

/** JSON-serialisable (part of loader keys). */
export interface RevisionListQuery {
  limit: number;
  /** A revision id of the same note: only older ones. */
  before: string | null;
}

/** The newest revisions of each note since `keepSince` (the retention), `limit` per note, one statement for any number of notes. */
export async function findRevisionPages(db: Db, noteIds: readonly string[], query: RevisionListQuery, keepSince: Date): Promise<NoteRevisionRow[]> {
  if (noteIds.length === 0) return [];
  const before = query.before
    ? sql`(${noteRevisions.createdAt}, ${noteRevisions.id}) < (select b.created_at, b.id from ${noteRevisions} b where b.id = ${query.before})`
    : undefined;
  const ranked = db
    .select({ ...getTableColumns(noteRevisions), position: sql<number>`row_number() over (partition by ${noteRevisions.noteId} order by ${noteRevisions.createdAt} desc, ${noteRevisions.id} desc)`.as('position') })
    .from(noteRevisions)
    .where(and(inArray(noteRevisions.noteId, [...noteIds]), gte(noteRevisions.createdAt, keepSince), before))
    .as('ranked');
  const rows = await db.select().from(ranked).where(sql`${ranked.position} <= ${query.limit}`).orderBy(ranked.noteId, ranked.position);
  return rows.map(({ position: _position, ...row }) => row);
}

export async function findRevisionsByIds(db: Db, ids: readonly string[]): Promise<NoteRevisionRow[]> {
  return db.select().from(noteRevisions).where(inArray(noteRevisions.id, [...ids]));
}
