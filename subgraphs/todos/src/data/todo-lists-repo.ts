import { and, asc, count, eq, getTableColumns, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '@mosaic/kit';
import { afterKeyset, orderByKeys } from './keyset';
import { todoFilterCondition, type TodoFilterValues } from './todo-filters';
import { sortKeysFor, type TodoOrderSpec } from './todo-order';
import { projectMembers, todos, type TodoRow } from './tables';

/** One page request, validated: what `User.todos` / `Query.todos` arguments become. */
export interface TodoListQuery {
  limit: number;
  order: TodoOrderSpec;
  filter: TodoFilterValues;
  /** The cursor as given (it identifies the query) and its decoded keyset values. */
  after: { cursor: string; values: unknown[] } | null;
}

/**
 * Whose list: a user's (`User.todos`), an organisation's shared one (`organizationTodos`), or a
 * project's top-level todos (`Project.todos`; subtasks hang under their parents).
 */
export type TodoListParent = 'owner' | 'tenant' | 'project';

const PARENT_COLUMNS = { owner: todos.ownerId, tenant: todos.tenantId, project: todos.projectId } as const;
const parentColumn = (parent: TodoListParent) => PARENT_COLUMNS[parent];
const parentCondition = (parent: TodoListParent) => (parent === 'project' ? isNull(todos.parentId) : undefined);

/**
 * The same page for many parents in one statement: rows are ranked per parent in the page's order
 * and each parent keeps `limit + 1` (the extra row only says that another page exists). This is
 * what keeps `_entities` with N users at one query instead of N.
 */
export async function findTodoPages(db: Db, parent: TodoListParent, parentIds: readonly string[], query: TodoListQuery, now: Date): Promise<TodoRow[]> {
  const keys = sortKeysFor(query.order);
  const column = parentColumn(parent);
  const ranked = db
    .select({
      ...getTableColumns(todos),
      rank: sql<number>`row_number() over (partition by ${column} order by ${sql.join(orderByKeys(keys), sql`, `)})`.as('rank'),
    })
    .from(todos)
    .where(and(inArray(column, [...parentIds]), parentCondition(parent), todoFilterCondition(query.filter, now), query.after ? afterKeyset(keys, query.after.values) : undefined))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, query.limit + 1))
    .orderBy(asc({ owner: ranked.ownerId, tenant: ranked.tenantId, project: ranked.projectId }[parent]), asc(ranked.rank));
  return rows.map(({ rank: _rank, ...row }) => row);
}

/** Matching todos per parent, for `totalCount`; parents with none are absent. */
export async function countTodoMatches(db: Db, parent: TodoListParent, parentIds: readonly string[], filter: TodoFilterValues, now: Date): Promise<{ parentId: string; count: number }[]> {
  const column = parentColumn(parent);
  const rows = await db
    .select({ parentId: column, count: count() })
    .from(todos)
    .where(and(inArray(column, [...parentIds]), parentCondition(parent), todoFilterCondition(filter, now)))
    .groupBy(column);
  return rows.map((row) => ({ parentId: row.parentId!, count: row.count }));
}

/**
 * What a user's saved views range over: their personal todos and the personal todos of every
 * project they are a member of (organisation todos have their own list). Stated explicitly, not
 * left to row-level security, which also lets platform admins read personal todos.
 */
const reachableBy = (userId: string) =>
  and(
    isNull(todos.tenantId),
    or(eq(todos.ownerId, userId), inArray(todos.projectId, sql`(select ${projectMembers.projectId} from ${projectMembers} where ${projectMembers.userId} = ${userId})`)),
  );

/** One saved view's page request: whose, and the (view's) query. */
export interface ViewPageRequest {
  viewerId: string;
  query: TodoListQuery;
}

/**
 * The pages of many views in ONE statement: each view's conditions differ in shape, so each is its
 * own `(select … order by … limit n+1)`, joined with UNION ALL and tagged with its position in
 * `requests`. A list of N saved filters costs one statement, not N.
 */
export async function findViewTodoPages(db: Db, requests: readonly ViewPageRequest[], now: Date): Promise<(TodoRow & { request: number })[]> {
  const parts = requests.map(({ viewerId, query }, index) => {
    const keys = sortKeysFor(query.order);
    return db
      .select({ ...getTableColumns(todos), request: sql<number>`${index}::int`.as('request') })
      .from(todos)
      .where(and(reachableBy(viewerId), todoFilterCondition(query.filter, now), query.after ? afterKeyset(keys, query.after.values) : undefined))
      .orderBy(...orderByKeys(keys))
      .limit(query.limit + 1);
  });
  const [first, second, ...rest] = parts;
  if (!first) return [];
  return second ? unionAll(first, second, ...rest) : first;
}

/** Matching todos per view, in one statement for all of them (see findViewTodoPages). */
export async function countViewTodos(db: Db, requests: readonly { viewerId: string; filter: TodoFilterValues }[], now: Date): Promise<{ request: number; count: number }[]> {
  const parts = requests.map(({ viewerId, filter }, index) =>
    db
      .select({ request: sql<number>`${index}::int`.as('request'), count: count() })
      .from(todos)
      .where(and(reachableBy(viewerId), todoFilterCondition(filter, now))),
  );
  const [first, second, ...rest] = parts;
  if (!first) return [];
  return second ? unionAll(first, second, ...rest) : first;
}
