import { NotFoundError, encodeId } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoRow } from '../data/tables';
import { isVisibleTo, todoAccess } from './todo-access';

type ReadContext = Pick<Context, 'auth' | 'loaders'>;

/**
 * The viewer's todo (personal, or shared in the organisation their token is switched to), or
 * null. Anyone else's is reported exactly like a missing one (admins included: they reach other
 * users' todos through `User.todos`), so ids reveal nothing.
 */
export async function findOwnTodo(ctx: ReadContext, todoId: string): Promise<TodoRow | null> {
  ctx.auth.require('todos:read');
  const todo = await ctx.loaders.todoById.load(todoId);
  return todo && (await isVisibleTo(ctx, todo, todoAccess(ctx))) ? todo : null;
}

export async function getOwnTodo(ctx: ReadContext, todoId: string): Promise<TodoRow> {
  const todo = await findOwnTodo(ctx, todoId);
  if (!todo) throw new NotFoundError('Todo', encodeId('Todo', todoId));
  return todo;
}
