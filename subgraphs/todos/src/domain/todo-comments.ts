import { NotFoundError, UserInputError, encodeId, refreshLoaders, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteOwnComment, insertComment } from '../data/comments-repo';
import type { CommentRow, TodoRow } from '../data/tables';
import { getOwnTodo } from './find-todo';
import { commentBody } from './project-input';

const MAX_COMMENTS = 100;

/** `Todo.comments`, oldest first; the todo was authorised where it was loaded. */
export function listComments(ctx: Pick<Context, 'loaders'>, todo: TodoRow, first: number | null | undefined): Promise<CommentRow[]> {
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMMENTS) throw new UserInputError(`first: must be between 1 and ${MAX_COMMENTS}.`, 'first');
  return ctx.loaders.commentPage.load({ parentId: todo.id, query: limit });
}

/** Anyone who can see a todo (viewers of its project included) may comment on it. */
export async function addComment(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, todoId: string, body: unknown): Promise<CommentRow> {
  const viewer = ctx.auth.require('todos:write');
  const text = validate(commentBody, body, 'body');
  const todo = await getOwnTodo(ctx, todoId);
  const now = ctx.now();
  const comment = await ctx.db.run((tx) => insertComment(tx, { id: uuidv7(now.getTime()), todoId: todo.id, authorId: viewer.userId, body: text, createdAt: now }));
  refreshLoaders(ctx.loaders);
  return comment;
}

export async function deleteComment(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, commentId: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  if (!(await ctx.db.run((tx) => deleteOwnComment(tx, viewer.userId, commentId)))) throw new NotFoundError('TodoComment', encodeId('TodoComment', commentId));
  refreshLoaders(ctx.loaders);
  return encodeId('TodoComment', commentId);
}
