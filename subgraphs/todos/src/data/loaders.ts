import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type ParentKey, type TenantDb } from '@mosaic/kit';
import { findCompletionPages } from './completions-repo';
import type { TodoFilterValues } from './todo-filters';
import { countTodoMatches, findTodoPages, type TodoListParent, type TodoListQuery } from './todo-lists-repo';
import { findTodosByIds } from './todos-repo';
import type { CompletionRow, TodoRow } from './tables';

/**
 * Per-request loaders. List fields are keyed by (parent, arguments): parents that share the
 * arguments run as one statement — so `_entities` with N users, or aliases with different
 * arguments, cost a constant number of queries. Each batch runs in one transaction bound to the
 * request's tenant scope (row-level security). Refreshed after writes with kit's `refreshLoaders`.
 */
export interface Loaders {
  todoById: DataLoader<string, TodoRow | null>;
  todoPage: DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>;
  todoCount: DataLoader<ParentKey<TodoFilterValues>, number, string>;
  tenantTodoPage: DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>;
  tenantTodoCount: DataLoader<ParentKey<TodoFilterValues>, number, string>;
  completionPage: DataLoader<ParentKey<number>, CompletionRow[], string>;
}

export function createLoaders(db: TenantDb, now: () => Date): Loaders {
  const pages = (parent: TodoListParent) =>
    parentQueryLoader(
      (ids, query: TodoListQuery) => db.run((tx) => findTodoPages(tx, parent, ids, query, now())),
      (todo) => (parent === 'owner' ? todo.ownerId : todo.tenantId!),
      (rows) => rows,
    );
  const counts = (parent: TodoListParent) =>
    parentQueryLoader(
      (ids, filter: TodoFilterValues) => db.run((tx) => countTodoMatches(tx, parent, ids, filter, now())),
      (row) => row.parentId,
      (rows) => rows[0]?.count ?? 0,
    );
  return {
    todoById: rowLoader((ids: readonly string[]) => db.run((tx) => findTodosByIds(tx, ids)), (todo) => todo.id),
    todoPage: pages('owner'),
    todoCount: counts('owner'),
    tenantTodoPage: pages('tenant'),
    tenantTodoCount: counts('tenant'),
    completionPage: parentQueryLoader((todoIds, limit: number) => db.run((tx) => findCompletionPages(tx, todoIds, limit)), (row) => row.todoId, (rows) => rows),
  };
}
