import { asc, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { todoCompletions, type CompletionRow } from './tables';

export async function insertCompletion(db: Db, completion: CompletionRow): Promise<void> {
  await db.insert(todoCompletions).values(completion);
}

/** The newest `limit` completions of each todo, in one statement whatever the number of todos. */
export async function findCompletionPages(db: Db, todoIds: readonly string[], limit: number): Promise<CompletionRow[]> {
  const ranked = db
    .select({
      ...getTableColumns(todoCompletions),
      rank: sql<number>`row_number() over (partition by ${todoCompletions.todoId} order by ${todoCompletions.completedAt} desc, ${todoCompletions.id} desc)`.as('rank'),
    })
    .from(todoCompletions)
    .where(inArray(todoCompletions.todoId, [...todoIds]))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, limit))
    .orderBy(asc(ranked.todoId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...row }) => row);
}

