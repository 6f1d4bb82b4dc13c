import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { findCompletionPages } from './completions-repo';
import type { TodoFilterValues } from './todo-filters';
import { countTodoMatches, findTodoPages, type TodoListQuery } from './todo-lists-repo';
import { findTodosByIds } from './todos-repo';
import type { CompletionRow, TodoRow } from './tables';

/**
 * Per-request loaders. List fields are keyed by (parent, arguments): parents that share the
 * arguments run as one statement — so `_entities` with N users, or aliases with different
 * arguments, cost a constant number of queries. Refreshed after writes with kit's `refreshLoaders`.
 */
export interface Loaders {
  todoById: DataLoader<string, TodoRow | null>;
  todoPage: DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>;
  todoCount: DataLoader<ParentKey<TodoFilterValues>, number, string>;
  completionPage: DataLoader<ParentKey<number>, CompletionRow[], string>;
}

export function createLoaders(db: Db, now: () => Date): Loaders {
  return {
    todoById: rowLoader((ids: readonly string[]) => findTodosByIds(db, ids), (todo) => todo.id),
    todoPage: parentQueryLoader((owners, query: TodoListQuery) => findTodoPages(db, owners, query, now()), (todo) => todo.ownerId, (rows) => rows),
    todoCount: parentQueryLoader(
      (owners, filter: TodoFilterValues) => countTodoMatches(db, owners, filter, now()),
      (row) => row.ownerId,
      (rows) => rows[0]?.count ?? 0,
    ),
    completionPage: parentQueryLoader((todoIds, limit: number) => findCompletionPages(db, todoIds, limit), (row) => row.todoId, (rows) => rows),
  };
}
