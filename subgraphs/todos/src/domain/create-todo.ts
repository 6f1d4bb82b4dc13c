import { UserInputError, uuidv7, validate, refreshLoaders, written, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoRow } from '../data/tables';
import { setTodoLabels } from '../data/labels-repo';
import { insertTodo, lastPosition, lockOwnerPositions } from '../data/todos-repo';
import { ownLabels } from './labels';
import { checkPlacement, placeNewTodo } from './todo-placement';
import { positionAfterLast } from './positions';
import { priorityRank } from './priority';
import { schedule } from './schedule';
import { timeZoneOf } from './time-zone';
import { createTodoInput, type CreateTodoValues } from './todo-input';

/**
 * Adds a todo at the end of the viewer's manual order: personal, or with `shared` in the
 * organisation the token is switched to (every member sees and changes it). It goes into the given
 * project (one the viewer may edit), under its parent's project for a subtask, or the Inbox.
 */
export async function createTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, input: unknown): Promise<TodoRow> {
  ctx.auth.require('todos:write');
  return createTodoFrom(ctx, validate(createTodoInput, input));
}

/**
 * Creates from validated values. Quick add arrives here too, with `moreLabels`: labels it makes in
 * the same transaction, so a refused todo leaves no new labels behind.
 */
export async function createTodoFrom(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, values: CreateTodoValues, moreLabels?: (tx: Db) => Promise<string[]>): Promise<TodoRow> {
  const viewer = ctx.auth.require('todos:write');
  const checked = await checkPlacement(ctx, values);
  const sharedTenant = values.shared ? sharedWith(ctx) : null;
  const now = ctx.now();
  const timing = schedule(values.recurrence ?? null, values.dueAt ?? null, now, await timeZoneOf(ctx, viewer.userId));
  const todo = await ctx.db.run(async (tx) => {
    const place = await placeNewTodo(ctx, tx, checked);
    // A subtask shares its parent's organisation (or lack of one).
    if (place.parent && values.shared && place.parent.tenantId === null) {
      throw new UserInputError('input.shared: a subtask shares its parent\'s organisation; the parent is personal.', 'input.shared');
    }
    const labelIds = [...(values.labelIds ? await ownLabels(tx, viewer.userId, values.labelIds, 'input.labelIds') : []), ...((await moreLabels?.(tx)) ?? [])];
    await lockOwnerPositions(tx, viewer.userId);
    const row = await insertTodo(tx, {
      id: uuidv7(now.getTime()),
      ownerId: viewer.userId,
      tenantId: place.parent ? place.parent.tenantId : sharedTenant,
      projectId: place.projectId,
      sectionId: place.sectionId,
      parentId: place.parent?.id ?? null,
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
    if (labelIds.length > 0) await setTodoLabels(tx, viewer.userId, row.id, labelIds);
    return row;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}

function sharedWith(ctx: Pick<Context, 'auth'>): string {
  const tenantId = ctx.auth.tenantId();
  if (!tenantId) throw new UserInputError('input.shared: switch to an organization first (switchOrganization); a shared todo belongs to it.', 'input.shared');
  return tenantId;
}
