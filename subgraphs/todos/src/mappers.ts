import type { CompletionRow, TodoRow } from './data/tables';
import type { TodoPage } from './domain/list-todos';
import type { UserReference } from '@mosaic/kit';

export type TodoMapper = TodoRow;
export type TodoCompletionMapper = CompletionRow;
export type TodoConnectionMapper = TodoPage;
export type UserMapper = UserReference;
