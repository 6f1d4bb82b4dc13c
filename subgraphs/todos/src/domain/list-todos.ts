import { pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoFilterValues } from '../data/todo-filters';
import type { TodoListQuery } from '../data/todo-lists-repo';
import { decodeTodoCursor, todoCursorKey, type TodoOrderSpec } from '../data/todo-order';
import type { TodoRow } from '../data/tables';
import { todoFilterInput } from './todo-input';
import { assertCanReadTodosOf } from './viewer';

export interface TodoListArgs extends PageArgs {
  filter?: unknown;
  orderBy?: Partial<TodoOrderSpec> | null;
}

/** A page of one owner's todos; it remembers whose and which filter, for `totalCount`. */
export type TodoPage = Connection<TodoRow> & { ownerId: string; filter: TodoFilterValues };

const DEFAULT_ORDER: TodoOrderSpec = { field: 'MANUAL', direction: 'ASC' };

export async function listTodos(ctx: Pick<Context, 'viewer' | 'loaders'>, ownerId: string, args: TodoListArgs): Promise<TodoPage> {
  assertCanReadTodosOf(ctx, ownerId);
  const query = listQuery(args);
  const rows = await ctx.loaders.todoPages(query).load(ownerId);
  for (const row of rows) ctx.loaders.todoById.prime(row.id, row);
  return { ...toConnection(rows, query.limit, todoCursorKey(query.order), args.after), ownerId, filter: query.filter };
}

export async function countTodos(ctx: Pick<Context, 'viewer' | 'loaders'>, page: TodoPage): Promise<number> {
  assertCanReadTodosOf(ctx, page.ownerId);
  return ctx.loaders.todoCounts(page.filter).load(page.ownerId);
}

/** Validates list arguments; every problem is reported before anything is read. */
function listQuery(args: TodoListArgs): TodoListQuery {
  const limit = pageSize(args.first);
  const order: TodoOrderSpec = { field: args.orderBy?.field ?? DEFAULT_ORDER.field, direction: args.orderBy?.direction ?? DEFAULT_ORDER.direction };
  const filter = validate(todoFilterInput, args.filter ?? {}, 'filter');
  const after = args.after ? { cursor: args.after, values: decodeTodoCursor(order, args.after) } : null;
  return { limit, order, filter, after };
}
