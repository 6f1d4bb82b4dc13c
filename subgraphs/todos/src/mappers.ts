import type { CompletionRow, TodoRow } from './data/tables';
import type { TodoPage } from './domain/list-todos';
import type { UserReference } from './domain/viewer';

export type TodoMapper = TodoRow;
export type TodoCompletionMapper = CompletionRow;
export type TodoConnectionMapper = TodoPage;
export type UserMapper = UserReference;
