import { NotFoundError, encodeId } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteOwnedTodo } from '../data/todos-repo';
import { requireViewer } from './viewer';

/** Deletes the viewer's todo with its completion history; returns its public id. */
export async function deleteTodo(ctx: Pick<Context, 'viewer' | 'db' | 'loaders'>, todoId: string): Promise<string> {
  const viewer = requireViewer(ctx);
  if (!(await deleteOwnedTodo(ctx.db, viewer.userId, todoId))) throw new NotFoundError('Todo', encodeId('Todo', todoId));
  ctx.loaders.removed(todoId);
  return encodeId('Todo', todoId);
}
