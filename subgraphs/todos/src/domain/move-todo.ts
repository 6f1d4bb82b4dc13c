import { NotFoundError, UserInputError, encodeId, type Db, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoRow } from '../data/tables';
import { findWritableTodoForUpdate, lockOwnerPositions, neighbourInOrder, renumberPositions, updateTodoRow } from '../data/todos-repo';
import { POSITION_GAP, positionBetween } from './positions';

/** Where to put the todo: right after or right before another of the viewer's todos. */
export type Placement = { after: string } | { before: string };

/**
 * Moves a todo in the viewer's manual order. Under the owner's position lock, the new position is
 * the midpoint between the target and its neighbour on the other side; when they are adjacent the
 * owner's list is renumbered once and the midpoint taken again (see positions.ts).
 */
export async function moveTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, todoId: string, placement: Placement): Promise<TodoRow> {
  const viewer = ctx.auth.require('todos:write');
  const [targetId, field] = 'after' in placement ? [placement.after, 'afterId'] : [placement.before, 'beforeId'];
  if (targetId === todoId) throw new UserInputError(`${field}: a todo cannot be moved next to itself.`, field);
  const todo = await ctx.db.run(async (tx) => {
    await lockOwnerPositions(tx, viewer.userId);
    const moving = await findOwnTodoForUpdate(tx, viewer.userId, ctx.auth.tenantId(), todoId);
    if (!moving) throw new NotFoundError('Todo', encodeId('Todo', todoId));
    let position = await positionNextTo(tx, viewer.userId, ctx.auth.tenantId(), moving.id, targetId, 'after' in placement);
    if (position === null) {
      await renumberPositions(tx, viewer.userId, POSITION_GAP);
      position = await positionNextTo(tx, viewer.userId, ctx.auth.tenantId(), moving.id, targetId, 'after' in placement);
    }
    if (position === null) throw new Error('Renumbered positions left no gap.');
    return updateTodoRow(tx, moving.id, { position, updatedAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todo.id, todo));
  return todo;
}

/** A free position just after (or before) the target, skipping the moving todo; null when there is no room. */
async function positionNextTo(tx: Db, ownerId: string, tenantId: string | null, movingId: string, targetId: string, after: boolean): Promise<number | null> {
  const target = await findOwnTodoForUpdate(tx, ownerId, tenantId, targetId);
  if (!target) throw new NotFoundError('Todo', encodeId('Todo', targetId));
  if (after) return positionBetween(target.position, (await neighbourInOrder(tx, ownerId, target, movingId, 'after'))?.position ?? null);
  return positionBetween((await neighbourInOrder(tx, ownerId, target, movingId, 'before'))?.position ?? null, target.position);
}

/** Manual order is the owner's: only the caller's own todos (personal, or shared by them) move. */
async function findOwnTodoForUpdate(tx: Db, ownerId: string, tenantId: string | null, id: string): Promise<TodoRow | undefined> {
  const todo = await findWritableTodoForUpdate(tx, { userId: ownerId, tenantId }, id);
  return todo?.ownerId === ownerId ? todo : undefined;
}
