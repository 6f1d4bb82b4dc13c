import { and, asc, desc, eq, gt, inArray, isNull, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { todos, type NewTodo, type TodoRow } from './tables';

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

/** The same rule as row-level security's `todos_write` policy, stated again in the query (defence in depth). */
const writable = (access: TodoAccess) =>
  or(and(isNull(todos.tenantId), eq(todos.ownerId, access.userId)), access.tenantId ? eq(todos.tenantId, access.tenantId) : undefined);

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
