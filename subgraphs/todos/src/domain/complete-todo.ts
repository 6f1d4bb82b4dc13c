import { NotFoundError, encodeId, uuidv7, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { todoAccess } from './todo-access';
import { insertCompletion } from '../data/completions-repo';
import type { TodoRow } from '../data/tables';
import { disarmReminders, rescheduleRelativeReminders } from '../data/reminders-repo';
import { completeOpenDescendants, findWritableTodoForUpdate, updateTodoRow } from '../data/todos-repo';
import { seriesOf } from './schedule';
import { nextOccurrenceIn } from './zoned-series';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/**
 * Completes the current occurrence and logs it. A recurring todo then moves on to the first
 * occurrence after both its due date and now, and stays open (what Todoist and Vikunja users
 * expect: "water the plants" is never done for good); only when the rule has no further
 * occurrence is it marked done. With `occurrence`, a retry after the todo already moved on is a
 * no-op instead of completing the next occurrence too.
 */
export async function completeTodo(ctx: WriteContext, todoId: string, occurrence: Date | null): Promise<TodoRow> {
  ctx.auth.require('todos:write');
  const todo = await ctx.db.run(async (tx) => {
    const current = await findWritableTodoForUpdate(tx, todoAccess(ctx), todoId);
    if (!current) throw new NotFoundError('Todo', encodeId('Todo', todoId));
    if (current.done) return current;
    if (occurrence && current.dueAt?.getTime() !== occurrence.getTime()) return current;
    const now = ctx.now();
    await insertCompletion(tx, { id: uuidv7(now.getTime()), todoId: current.id, dueAt: current.dueAt, completedAt: now });
    const series = seriesOf(current);
    const next = series && nextOccurrenceIn(series.timeZone, series.rule, series.anchor, series.dueAt, now);
    if (next) {
      await rescheduleRelativeReminders(tx, current.id, next);
      return updateTodoRow(tx, current.id, { dueAt: next, updatedAt: now });
    }
    await disarmReminders(tx, current.id);
    // Done for good: its open subtasks are done with it (Todoist's and Vikunja's behaviour).
    await completeOpenDescendants(tx, current.id, now);
    return updateTodoRow(tx, current.id, { done: true, completedAt: now, updatedAt: now });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}

/** Opens a done todo again; a recurring one resumes at the due date it ended on. An open todo is left as it is. */
export async function reopenTodo(ctx: WriteContext, todoId: string): Promise<TodoRow> {
  ctx.auth.require('todos:write');
  const todo = await ctx.db.run(async (tx) => {
    const current = await findWritableTodoForUpdate(tx, todoAccess(ctx), todoId);
    if (!current) throw new NotFoundError('Todo', encodeId('Todo', todoId));
    if (!current.done) return current;
    await rescheduleRelativeReminders(tx, current.id, current.dueAt);
    return updateTodoRow(tx, current.id, { done: false, completedAt: null, updatedAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}
