import { and, asc, count, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { afterKeyset, orderByKeys } from './keyset';
import { todoFilterCondition, type TodoFilterValues } from './todo-filters';
import { sortKeysFor, type TodoOrderSpec } from './todo-order';
import { todos, type TodoRow } from './tables';

/** One page request, validated: what `User.todos` / `Query.todos` arguments become. */
export interface TodoListQuery {
  limit: number;
  order: TodoOrderSpec;
  filter: TodoFilterValues;
  /** The cursor as given (it identifies the query) and its decoded keyset values. */
  after: { cursor: string; values: unknown[] } | null;
}

/**
 * The same page for many owners in one statement: rows are ranked per owner in the page's order
 * and each owner keeps `limit + 1` (the extra row only says that another page exists). This is
 * what keeps `_entities` with N users at one query instead of N.
 */
export async function findTodoPages(db: Db, ownerIds: readonly string[], query: TodoListQuery, now: Date): Promise<TodoRow[]> {
  const keys = sortKeysFor(query.order);
  const ranked = db
    .select({
      ...getTableColumns(todos),
      rank: sql<number>`row_number() over (partition by ${todos.ownerId} order by ${sql.join(orderByKeys(keys), sql`, `)})`.as('rank'),
    })
    .from(todos)
    .where(
      and(
        inArray(todos.ownerId, [...ownerIds]),
        todoFilterCondition(query.filter, now),
        query.after ? afterKeyset(keys, query.after.values) : undefined,
      ),
    )
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, query.limit + 1))
    .orderBy(asc(ranked.ownerId), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...row }) => row);
}

/** Matching todos per owner, for `totalCount`; owners with none are absent. */
export async function countTodoMatches(db: Db, ownerIds: readonly string[], filter: TodoFilterValues, now: Date): Promise<{ ownerId: string; count: number }[]> {
  return db
    .select({ ownerId: todos.ownerId, count: count() })
    .from(todos)
    .where(and(inArray(todos.ownerId, [...ownerIds]), todoFilterCondition(filter, now)))
    .groupBy(todos.ownerId);
}
