import DataLoader from 'dataloader';
import { groupLoader, rowLoader, type Db } from '@mosaic/kit';
import { findCompletionPages } from './completions-repo';
import type { TodoFilterValues } from './todo-filters';
import { countTodoMatches, findTodoPages, type TodoListQuery } from './todo-lists-repo';
import { findTodosByIds } from './todos-repo';
import type { CompletionRow, TodoRow } from './tables';

/**
 * Per-request loaders. List fields are keyed by (owner, arguments): one loader per distinct set of
 * arguments, each batching every owner asked for in the same tick into one statement — so
 * `_entities` with N users, or aliases with different arguments, cost a constant number of queries.
 */
export interface Loaders {
  todoById: DataLoader<string, TodoRow | null>;
  todoPages(query: TodoListQuery): DataLoader<string, TodoRow[], string>;
  todoCounts(filter: TodoFilterValues): DataLoader<string, number>;
  completions(limit: number): DataLoader<string, CompletionRow[], string>;
  /** After a write: the row is known, and any list or count read earlier may be stale. */
  written(row: TodoRow): void;
  removed(id: string): void;
}

export function createLoaders(db: Db, now: () => Date): Loaders {
  const todoById = rowLoader((ids: readonly string[]) => findTodosByIds(db, ids), (todo) => todo.id);
  const pages = new Map<string, DataLoader<string, TodoRow[], string>>();
  const counts = new Map<string, DataLoader<string, number>>();
  const completions = new Map<number, DataLoader<string, CompletionRow[], string>>();
  const identity = (id: string) => id;

  const forgetLists = () => {
    pages.clear();
    counts.clear();
    completions.clear();
  };

  return {
    todoById,
    todoPages(query) {
      const key = JSON.stringify({ limit: query.limit, order: query.order, filter: query.filter, after: query.after?.cursor ?? null });
      return memo(pages, key, () => groupLoader((owners) => findTodoPages(db, owners, query, now()), (todo) => todo.ownerId, identity));
    },
    todoCounts(filter) {
      return memo(counts, JSON.stringify(filter), () => new DataLoader(async (owners: readonly string[]) => {
        const found = new Map((await countTodoMatches(db, owners, filter, now())).map((row) => [row.ownerId, row.count]));
        return owners.map((owner) => found.get(owner) ?? 0);
      }));
    },
    completions(limit) {
      return memo(completions, limit, () => groupLoader((todoIds) => findCompletionPages(db, todoIds, limit), (row) => row.todoId, identity));
    },
    written(row) {
      todoById.clear(row.id).prime(row.id, row);
      forgetLists();
    },
    removed(id) {
      todoById.clear(id).prime(id, null);
      forgetLists();
    },
  };
}

function memo<K, V>(cache: Map<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = create()));
  return value;
}
