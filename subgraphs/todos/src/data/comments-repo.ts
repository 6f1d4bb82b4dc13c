import { and, asc, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { comments, type CommentRow } from './tables';

/** The oldest `limit` comments of each todo, in one statement whatever the number of todos. */
export async function findCommentPages(db: Db, todoIds: readonly string[], limit: number): Promise<CommentRow[]> {
  const ranked = db
    .select({
      ...getTableColumns(comments),
      rank: sql<number>`row_number() over (partition by ${comments.todoId} order by ${comments.createdAt}, ${comments.id})`.as('rank'),
    })
    .from(comments)
    .where(inArray(comments.todoId, [...todoIds]))
    .as('ranked');
  const rows = await db.select().from(ranked).where(lte(ranked.rank, limit)).orderBy(asc(ranked.todoId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...row }) => row);
}

export async function insertComment(db: Db, comment: CommentRow): Promise<CommentRow> {
  const [row] = await db.insert(comments).values(comment).returning();
  return row!;
}

export async function deleteOwnComment(db: Db, authorId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(comments)
    .where(and(eq(comments.id, id), eq(comments.authorId, authorId)))
    .returning({ id: comments.id });
  return rows.length === 1;
}

export async function deleteCommentsBy(db: Db, authorId: string): Promise<void> {
  await db.delete(comments).where(eq(comments.authorId, authorId));
}
