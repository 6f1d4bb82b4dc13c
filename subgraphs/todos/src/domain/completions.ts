import { UserInputError } from '@mosaic/kit';
import type { Context } from '../context';
import type { CompletionRow, TodoRow } from '../data/tables';

const MAX_COMPLETIONS = 50;

/** `Todo.completions`: newest first. The todo parent was already authorised where it was loaded. */
export function listCompletions(ctx: Pick<Context, 'loaders'>, todo: TodoRow, first: number | null | undefined): Promise<CompletionRow[]> {
  const limit = first ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_COMPLETIONS) {
    throw new UserInputError(`"first" must be between 1 and ${MAX_COMPLETIONS}.`, 'first');
  }
  return ctx.loaders.completionPage.load({ parentId: todo.id, query: limit });
}
