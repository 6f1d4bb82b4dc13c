import { pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoFilterValues } from '../data/todo-filters';
import type { TodoListQuery } from '../data/todo-lists-repo';
import { decodeTodoCursor, todoCursorKey, type TodoOrderSpec } from '../data/todo-order';
import type { TodoRow } from '../data/tables';
import { todoFilterInput } from './todo-input';

export interface TodoListArgs extends PageArgs {
  filter?: unknown;
  orderBy?: Partial<TodoOrderSpec> | null;
}

/** A page of one owner's todos; it remembers whose and which filter, for `totalCount`. */
export type TodoPage = Connection<TodoRow> & { ownerId: string; filter: TodoFilterValues };

const DEFAULT_ORDER: TodoOrderSpec = { field: 'MANUAL', direction: 'ASC' };

export async function listTodos(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: TodoListArgs): Promise<TodoPage> {
  assertMayReadTodosOf(ctx, ownerId);
  const query = listQuery(args);
  const rows = await ctx.loaders.todoPage.load({ parentId: ownerId, query });
  for (const row of rows) ctx.loaders.todoById.prime(row.id, row);
  return { ...toConnection(rows, query.limit, todoCursorKey(query.order), args.after), ownerId, filter: query.filter };
}

export async function countTodos(ctx: Pick<Context, 'auth' | 'loaders'>, page: TodoPage): Promise<number> {
  assertMayReadTodosOf(ctx, page.ownerId);
  return ctx.loaders.todoCount.load({ parentId: page.ownerId, query: page.filter });
}

/** A user reads their own todos; admins may read anyone's. Nobody changes another user's todos. */
function assertMayReadTodosOf(ctx: Pick<Context, 'auth'>, ownerId: string): void {
  ctx.auth.require('todos:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'todos');
}

/** Validates list arguments; every problem is reported before anything is read. */
function listQuery(args: TodoListArgs): TodoListQuery {
  const limit = pageSize(args.first);
  const order: TodoOrderSpec = { field: args.orderBy?.field ?? DEFAULT_ORDER.field, direction: args.orderBy?.direction ?? DEFAULT_ORDER.direction };
  const filter = validate(todoFilterInput, args.filter ?? {}, 'filter');
  const after = args.after ? { cursor: args.after, values: decodeTodoCursor(order, args.after) } : null;
  return { limit, order, filter, after };
}
