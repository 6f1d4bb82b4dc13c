import { and, asc, desc, eq, exists, gt, inArray, isNull, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { projectMembers, todos, type NewTodo, type TodoRow } from './tables';

export async function insertTodo(db: Db, todo: NewTodo): Promise<TodoRow> {
  const [row] = await db.insert(todos).values(todo).returning();
  return row!;
}

export async function findTodosByIds(db: Db, ids: readonly string[]): Promise<TodoRow[]> {
  return db.select().from(todos).where(inArray(todos.id, [...ids]));
}

/** Who may change a todo: its owner while it is personal, any member of its organisation once shared. */
export interface TodoAccess {
  userId: string;
  /** The organisation the request's token is switched to; null in the personal context. */
  tenantId: string | null;
}

/**
 * The same rule as row-level security's `todos_write` and `todos_project_write` policies, stated
 * again in the query (defence in depth): your personal todos, the active organisation's, and the
 * personal todos of projects where you are more than a VIEWER.
 */
const writable = (access: TodoAccess) =>
  or(
    and(isNull(todos.tenantId), eq(todos.ownerId, access.userId)),
    access.tenantId ? eq(todos.tenantId, access.tenantId) : undefined,
    and(
      isNull(todos.tenantId),
      exists(
        sql`(select 1 from ${projectMembers} where ${projectMembers.projectId} = ${todos.projectId} and ${projectMembers.userId} = ${access.userId} and ${projectMembers.role} <> 'VIEWER')`,
      ),
    ),
  );

/**
 * A todo the caller may change, locked for the rest of the transaction so concurrent changes to it
 * (say, two completions of one occurrence) run one after the other. Another user's (or another
 * organisation's) todo is indistinguishable from a missing one.
 */
export async function findWritableTodoForUpdate(db: Db, access: TodoAccess, id: string): Promise<TodoRow | undefined> {
  const [row] = await db
    .select()
    .from(todos)
    .where(and(eq(todos.id, id), writable(access)))
    .for('update');
  return row;
}

export async function updateTodoRow(db: Db, id: string, changes: Partial<NewTodo>): Promise<TodoRow> {
  const [row] = await db.update(todos).set(changes).where(eq(todos.id, id)).returning();
  return row!;
}

/** True when the caller could change this todo (its completions go with it, by foreign key). */
export async function deleteWritableTodo(db: Db, access: TodoAccess, id: string): Promise<boolean> {
  const rows = await db
    .delete(todos)
    .where(and(eq(todos.id, id), writable(access)))
    .returning({ id: todos.id });
  return rows.length === 1;
}

/**
 * Serialises the writers of one owner's manual order (appends and moves) until the transaction
 * ends: positions are read, then written, and two writers must not both pick the same gap.
 */
export async function lockOwnerPositions(db: Db, ownerId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`todos.positions:${ownerId}`}, 0))`);
}

export async function lastPosition(db: Db, ownerId: string): Promise<number | null> {
  const [row] = await db.select({ last: max(todos.position) }).from(todos).where(eq(todos.ownerId, ownerId));
  return row?.last ?? null;
}

type Place = Pick<TodoRow, 'position' | 'id'>;

/** The owner's todo right after (or before) `place` in manual order, ignoring `excludeId` (the one being moved). */
export async function neighbourInOrder(db: Db, ownerId: string, place: Place, excludeId: string, side: 'after' | 'before'): Promise<TodoRow | undefined> {
  const [beyond, order] = side === 'after' ? [gt, asc] : [lt, desc];
  const [row] = await db
    .select()
    .from(todos)
    .where(
      and(
        eq(todos.ownerId, ownerId),
        ne(todos.id, excludeId),
        or(beyond(todos.position, place.position), and(eq(todos.position, place.position), beyond(todos.id, place.id))),
      ),
    )
    .orderBy(order(todos.position), order(todos.id))
    .limit(1);
  return row;
}

/** Spreads the owner's positions out again (rank × gap), keeping their order; one statement. */
export async function renumberPositions(db: Db, ownerId: string, gap: number): Promise<void> {
  await db.execute(sql`
    update ${todos} set position = ranked.rank * ${gap}
    from (
      select id, row_number() over (order by position, id) as rank
      from ${todos} where owner_id = ${ownerId}
    ) as ranked
    where ${todos.id} = ranked.id`);
}

/**
 * Every todo of a user the transaction's tenant scope reaches (their completions go with them:
 * foreign key, on delete cascade). Bound to the user's personal scope, that is their personal
 * todos; what they shared with an organisation belongs to it and stays.
 */
export async function deleteTodosOfOwner(db: Db, ownerId: string): Promise<number> {
  return (await db.delete(todos).where(eq(todos.ownerId, ownerId)).returning({ id: todos.id })).length;
}

/** The direct subtasks of each parent, in manual order. */
export async function findSubtasksOf(db: Db, parentIds: readonly string[]): Promise<TodoRow[]> {
  return db
    .select()
    .from(todos)
    .where(inArray(todos.parentId, [...parentIds]))
    .orderBy(asc(todos.parentId), asc(todos.position), asc(todos.id));
}

/** The ids of the todo's descendants (subtasks, their subtasks, …), as a subquery. */
const descendantsOf = (todoId: string) => sql`(
  with recursive subtree(id) as (
    select id from ${todos} where parent_id = ${todoId}
    union
    select t.id from ${todos} t join subtree s on t.parent_id = s.id
  )
  select id from subtree)`;

/** True when `candidateId` is `todoId` itself or one of its descendants (subtask cycles are refused with this). */
export async function isSelfOrDescendant(db: Db, todoId: string, candidateId: string): Promise<boolean> {
  if (todoId === candidateId) return true;
  const [row] = await db.select({ id: todos.id }).from(todos).where(and(eq(todos.id, candidateId), inArray(todos.id, descendantsOf(todoId))));
  return row !== undefined;
}

/** Marks every open descendant of the todo done (completing a parent completes its subtasks); their ids. */
export async function completeOpenDescendants(db: Db, todoId: string, now: Date): Promise<TodoRow[]> {
  return db
    .update(todos)
    .set({ done: true, completedAt: now, updatedAt: now })
    .where(and(inArray(todos.id, descendantsOf(todoId)), eq(todos.done, false)))
    .returning();
}

/** Moves the todo's descendants to `projectId` with it (a subtree never spans projects); their sections are cleared. */
export async function moveDescendantsToProject(db: Db, todoId: string, projectId: string, now: Date): Promise<void> {
  await db.update(todos).set({ projectId, sectionId: null, updatedAt: now }).where(inArray(todos.id, descendantsOf(todoId)));
}
