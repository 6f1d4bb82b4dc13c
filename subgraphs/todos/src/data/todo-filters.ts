import { and, eq, exists, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { todoLabels, todos } from './tables';

/** A validated `TodoFilter` (see domain/todo-input.ts); absent fields do not filter. */
export interface TodoFilterValues {
  done?: boolean;
  dueBefore?: Date;
  dueAfter?: Date;
  /** Stored priority ranks. */
  priorities?: number[];
  search?: string;
  overdue?: boolean;
  /** Raw ids. */
  projectId?: string;
  sectionId?: string;
  labelId?: string;
  /** Only todos without a due date (saved views' NO_DATE). */
  undated?: boolean;
}

/** `%`, `_` and the escape character itself match literally in the user's search text. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export function todoFilterCondition(filter: TodoFilterValues, now: Date): SQL | undefined {
  const overdue = and(eq(todos.done, false), lt(todos.dueAt, now))!;
  return and(
    filter.done === undefined ? undefined : eq(todos.done, filter.done),
    filter.dueBefore ? lt(todos.dueAt, filter.dueBefore) : undefined,
    filter.dueAfter ? gte(todos.dueAt, filter.dueAfter) : undefined,
    filter.priorities ? inArray(todos.priority, filter.priorities) : undefined,
    filter.search ? ilike(todos.title, `%${escapeLike(filter.search)}%`) : undefined,
    // "Not overdue" is spelled out rather than `not (…)`: for an undated todo `due_at < now` is null.
    filter.overdue === undefined ? undefined : filter.overdue ? overdue : or(eq(todos.done, true), isNull(todos.dueAt), gte(todos.dueAt, now)),
    filter.undated ? isNull(todos.dueAt) : undefined,
    filter.projectId ? eq(todos.projectId, filter.projectId) : undefined,
    filter.sectionId ? eq(todos.sectionId, filter.sectionId) : undefined,
    filter.labelId ? exists(sql`(select 1 from ${todoLabels} where ${todoLabels.todoId} = ${todos.id} and ${todoLabels.labelId} = ${filter.labelId})`) : undefined,
  );
}
