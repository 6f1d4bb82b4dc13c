import { pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { TodoFilterValues } from '../data/todo-filters';
import type { TodoListParent, TodoListQuery } from '../data/todo-lists-repo';
import { decodeTodoCursor, todoCursorKey, type TodoOrderSpec } from '../data/todo-order';
import type { TodoRow } from '../data/tables';
import { todoFilterInput } from './todo-input';

export interface TodoListArgs extends PageArgs {
  filter?: unknown;
  orderBy?: Partial<TodoOrderSpec> | null;
}

/** A page of one owner's (or one organisation's, project's, view's) todos; it remembers whose and which filter, for `totalCount`. */
export type TodoPage = Connection<TodoRow> & { parent: TodoListParent | 'view'; parentId: string; filter: TodoFilterValues };

const DEFAULT_ORDER: TodoOrderSpec = { field: 'MANUAL', direction: 'ASC' };

type ListContext = Pick<Context, 'auth' | 'loaders'>;

/** A user's todos: their personal ones and those they shared in the organisation the token is switched to. */
export async function listTodos(ctx: ListContext, ownerId: string, args: TodoListArgs): Promise<TodoPage> {
  assertMayReadTodosOf(ctx, ownerId);
  return page(ctx, 'owner', ownerId, args);
}

/** Every todo shared in the organisation the token is switched to, by any member. */
export async function listOrganizationTodos(ctx: ListContext, args: TodoListArgs): Promise<TodoPage> {
  ctx.auth.require('todos:read');
  return page(ctx, 'tenant', ctx.auth.requireTenant().id, args);
}

/** The top-level todos of a project; the caller checked that the viewer is a member. */
export async function listTodosOfProject(ctx: ListContext, projectId: string, args: TodoListArgs): Promise<TodoPage> {
  ctx.auth.require('todos:read');
  return page(ctx, 'project', projectId, args);
}

/** A saved view's todos for its owner (the filter comes from the view, not from arguments). */
export async function listViewTodos(ctx: ListContext, viewerId: string, filter: TodoFilterValues, args: TodoListArgs): Promise<TodoPage> {
  ctx.auth.require('todos:read');
  ctx.auth.requireOwnerOrAdmin(viewerId, 'todos');
  return page(ctx, 'view', viewerId, { ...args, filter: null }, filter);
}

async function page(ctx: ListContext, parent: TodoPage['parent'], parentId: string, args: TodoListArgs, fixedFilter?: TodoFilterValues): Promise<TodoPage> {
  const query = { ...listQuery(args), ...(fixedFilter ? { filter: fixedFilter } : {}) };
  const loader = { owner: ctx.loaders.todoPage, tenant: ctx.loaders.tenantTodoPage, project: ctx.loaders.projectTodoPage, view: ctx.loaders.viewTodoPage }[parent];
  const rows = await loader.load({ parentId, query });
  for (const row of rows) ctx.loaders.todoById.prime(row.id, row);
  return { ...toConnection(rows, query.limit, todoCursorKey(query.order), args.after), parent, parentId, filter: query.filter };
}

export async function countTodos(ctx: ListContext, page: TodoPage): Promise<number> {
  if (page.parent === 'owner') {
    assertMayReadTodosOf(ctx, page.parentId);
    return ctx.loaders.todoCount.load({ parentId: page.parentId, query: page.filter });
  }
  ctx.auth.require('todos:read');
  if (page.parent === 'view') return ctx.auth.userId() === page.parentId ? ctx.loaders.viewTodoCount.load({ parentId: page.parentId, query: page.filter }) : 0;
  if (page.parent === 'project') return (await ctx.loaders.projectRole.load(page.parentId)) ? ctx.loaders.projectTodoCount.load({ parentId: page.parentId, query: page.filter }) : 0;
  if (ctx.auth.tenantId() !== page.parentId) return 0;
  return ctx.loaders.tenantTodoCount.load({ parentId: page.parentId, query: page.filter });
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
