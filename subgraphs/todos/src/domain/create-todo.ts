import { UserInputError, uuidv7, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoRow } from '../data/tables';
import { insertTodo, lastPosition, lockOwnerPositions } from '../data/todos-repo';
import { positionAfterLast } from './positions';
import { priorityRank } from './priority';
import { schedule } from './schedule';
import { createTodoInput } from './todo-input';

/**
 * Adds a todo at the end of the viewer's manual order: personal, or with `shared` in the
 * organisation the token is switched to (every member sees and changes it).
 */
export async function createTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, input: unknown): Promise<TodoRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(createTodoInput, input);
  const tenantId = values.shared ? sharedWith(ctx) : null;
  const now = ctx.now();
  const timing = schedule(values.recurrence ?? null, values.dueAt ?? null, now);
  const todo = await ctx.db.run(async (tx) => {
    await lockOwnerPositions(tx, viewer.userId);
    return insertTodo(tx, {
      id: uuidv7(now.getTime()),
      ownerId: viewer.userId,
      tenantId,
      title: values.title,
      description: values.description ?? null,
      done: false,
      completedAt: null,
      priority: values.priority ?? priorityRank('NONE'),
      position: positionAfterLast(await lastPosition(tx, viewer.userId)),
      ...timing,
      createdAt: now,
      updatedAt: now,
    });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}

function sharedWith(ctx: Pick<Context, 'auth'>): string {
  const tenantId = ctx.auth.tenantId();
  if (!tenantId) throw new UserInputError('input.shared: switch to an organization first (switchOrganization); a shared todo belongs to it.', 'input.shared');
  return tenantId;
}
