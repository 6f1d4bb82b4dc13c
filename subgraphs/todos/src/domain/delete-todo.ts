import { NotFoundError, encodeId, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteWritableTodo } from '../data/todos-repo';
import { todoAccess } from './todo-access';

/** Deletes a todo the viewer may change (theirs, or their organisation's) with its completion history; returns its public id. */
export async function deleteTodo(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, todoId: string): Promise<string> {
  ctx.auth.require('todos:write');
  if (!(await ctx.db.run((tx) => deleteWritableTodo(tx, todoAccess(ctx), todoId)))) throw new NotFoundError('Todo', encodeId('Todo', todoId));
  refreshLoaders(ctx.loaders, written(ctx.loaders.todoById, todoId, null));
  return encodeId('Todo', todoId);
}
