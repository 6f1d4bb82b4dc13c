import { NotFoundError, encodeId, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteOwnedTodo } from '../data/todos-repo';

/** Deletes the viewer's todo with its completion history; returns its public id. */
export async function deleteTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, todoId: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  if (!(await deleteOwnedTodo(ctx.db, viewer.userId, todoId))) throw new NotFoundError('Todo', encodeId('Todo', todoId));
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todoId, null));
  return encodeId('Todo', todoId);
}
