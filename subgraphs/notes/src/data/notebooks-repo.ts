import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { noteColumns } from './notes-repo';
import { notebooks, notes, type NotebookRow, type NoteRow } from './tables';

export async function findNotebooksByIds(db: Db, ids: readonly string[]): Promise<NotebookRow[]> {
  return db.select().from(notebooks).where(inArray(notebooks.id, [...ids]));
}

/** Every notebook of the owner, by name (clients build the tree from `parent`). */
export async function findNotebooksOf(db: Db, ownerId: string): Promise<NotebookRow[]> {
  return db.select().from(notebooks).where(eq(notebooks.ownerId, ownerId)).orderBy(asc(sql`lower(${notebooks.name})`), asc(notebooks.id));
}

/** The children of many notebooks (null key: the owner's top level is not asked this way). One statement. */
export async function findChildrenOf(db: Db, parentIds: readonly string[]): Promise<NotebookRow[]> {
  return db.select().from(notebooks).where(inArray(notebooks.parentId, [...parentIds])).orderBy(asc(sql`lower(${notebooks.name})`), asc(notebooks.id));
}

/**
 * Serialises the structural changes of one owner's notebooks for the rest of the transaction: a
 * cycle check and the move it allows must not interleave with another move (A under B while B
 * goes under A would each pass alone).
 */
export async function lockNotebooksOf(db: Db, ownerId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`notes.notebooks:${ownerId}`}, 0))`);
}

/** The ids from `notebookId` up to the top, the notebook itself first (bounded, in case of bad data). */
export async function ancestryOf(db: Db, notebookId: string, limit: number): Promise<string[]> {
  const rows = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 1 from ${notebooks} where id = ${notebookId}
      union all
      select n.id, n.parent_id, up.depth + 1 from ${notebooks} n join up on n.id = up.parent_id where up.depth < ${limit}
    )
    select id from up order by depth`);
  return rowsOf<{ id: string }>(rows).map((row) => row.id);
}

/** How deep the subtree under a notebook goes (1: no children). */
export async function subtreeDepth(db: Db, notebookId: string, limit: number): Promise<number> {
  const rows = await db.execute(sql`
    with recursive down(id, depth) as (
      select id, 1 from ${notebooks} where id = ${notebookId}
      union all
      select n.id, down.depth + 1 from ${notebooks} n join down on n.parent_id = down.id where down.depth < ${limit}
    )
    select max(depth)::int as depth from down`);
  return rowsOf<{ depth: number }>(rows)[0]?.depth ?? 1;
}

export async function insertNotebook(db: Db, notebook: NotebookRow): Promise<NotebookRow> {
  const [row] = await db.insert(notebooks).values(notebook).returning();
  return row!;
}

export async function updateNotebook(db: Db, id: string, changes: Partial<Pick<NotebookRow, 'name' | 'parentId'>>, now: Date): Promise<NotebookRow | undefined> {
  const [row] = await db.update(notebooks).set({ ...changes, updatedAt: now }).where(eq(notebooks.id, id)).returning();
  return row;
}

/** Deletes the notebook and, by the foreign key, those inside it; their notes stay, unfiled. */
export async function deleteNotebook(db: Db, id: string): Promise<boolean> {
  return (await db.delete(notebooks).where(eq(notebooks.id, id)).returning({ id: notebooks.id })).length === 1;
}

/** Files the owner's note into a notebook (null: none); the version moves only on a change. */
export async function setNotebook(db: Db, noteId: string, ownerId: string, notebookId: string | null, version: SQL): Promise<NoteRow | undefined> {
  const unchanged = notebookId === null ? isNull(notes.notebookId) : eq(notes.notebookId, notebookId);
  const [row] = await db
    .update(notes)
    .set({ notebookId, updatedAt: sql`case when ${unchanged} then ${notes.updatedAt} else ${version} end` })
    .where(and(eq(notes.id, noteId), eq(notes.ownerId, ownerId)))
    .returning(noteColumns);
  return row;
}

/** postgres.js answers `execute` with the rows, PGlite with `{ rows }`. */
const rowsOf = <R>(result: unknown): R[] => (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
