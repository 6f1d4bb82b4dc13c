import { ConflictError, NotFoundError, encodeId, refreshLoaders, uuidv7, validate } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../context';
import { deleteOwnSavedFilter, findOwnSavedFilter, findSavedFiltersOf, insertSavedFilter } from '../data/saved-filters-repo';
import type { SavedFilterRow } from '../data/tables';
import type { TodoFilterValues } from '../data/todo-filters';
import { listViewTodos, type TodoListArgs, type TodoPage } from './list-todos';
import { PRIORITIES, priorityRank } from './priority';
import { PROJECT_NAME_MAX, oneLineName } from './project-input';
import { publicId } from './todo-input';
import { startOfDayIn, timeZoneOf } from './time-zone';

export const DUE_WINDOWS = ['OVERDUE', 'TODAY', 'NEXT_7_DAYS', 'NO_DATE'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
const MAX_SAVED_FILTERS = 100;

/** What a saved filter stores (jsonb): raw ids and priority ranks, so it reads the same later. */
export interface SavedFilterDefinition {
  due?: DueWindow;
  projectId?: string;
  labelId?: string;
  priorities?: number[];
  includeDone?: boolean;
}

const savedFilterInput = z.object({
  name: oneLineName(PROJECT_NAME_MAX),
  due: z.enum(DUE_WINDOWS).nullish(),
  projectId: publicId('Project').nullish(),
  labelId: publicId('Label').nullish(),
  priority: z.array(z.enum(PRIORITIES)).max(5).nullish(),
  includeDone: z.boolean().nullish(),
});

export const definitionOf = (row: SavedFilterRow) => row.definition as SavedFilterDefinition;

/**
 * A view's conditions as a todo filter, at `now`: the due windows are whole days in the viewer's
 * zone, from local midnight to local midnight (23 or 25 hours when the clocks change; TODAY
 * includes what is overdue, as in Todoist). OVERDUE is due before now, whatever the zone. Done
 * todos are left out unless asked for.
 */
export function viewFilter(definition: SavedFilterDefinition, now: Date, timeZone: string): TodoFilterValues {
  const days = (n: number) => startOfDayIn(now, timeZone, n);
  const startOfToday = days(0);
  const due: Partial<Record<DueWindow, TodoFilterValues>> = {
    OVERDUE: { overdue: true },
    TODAY: { dueBefore: days(1) },
    NEXT_7_DAYS: { dueAfter: startOfToday, dueBefore: days(7) },
  };
  return {
    ...(definition.includeDone ? {} : { done: false }),
    ...(definition.due ? due[definition.due] : {}),
    ...(definition.due === 'NO_DATE' ? { undated: true } : {}),
    ...(definition.projectId ? { projectId: definition.projectId } : {}),
    ...(definition.labelId ? { labelId: definition.labelId } : {}),
    ...(definition.priorities ? { priorities: definition.priorities } : {}),
  };
}

export async function createSavedFilter(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, input: unknown): Promise<SavedFilterRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(savedFilterInput, input);
  const definition: SavedFilterDefinition = {
    ...(values.due ? { due: values.due } : {}),
    ...(values.projectId ? { projectId: values.projectId } : {}),
    ...(values.labelId ? { labelId: values.labelId } : {}),
    ...(values.priority?.length ? { priorities: [...new Set(values.priority.map(priorityRank))].sort((a, b) => a - b) } : {}),
    ...(values.includeDone ? { includeDone: true } : {}),
  };
  const now = ctx.now();
  const row = await ctx.db.run(async (tx) => {
    if ((await findSavedFiltersOf(tx, viewer.userId)).length >= MAX_SAVED_FILTERS) {
      throw new ConflictError(`You have ${MAX_SAVED_FILTERS} saved filters, the most there can be; delete one first.`);
    }
    return insertSavedFilter(tx, { id: uuidv7(now.getTime()), ownerId: viewer.userId, name: values.name, definition, createdAt: now });
  });
  refreshLoaders(ctx.loaders);
  return row;
}

export function listSavedFilters(ctx: Pick<Context, 'auth' | 'db'>): Promise<SavedFilterRow[]> {
  const viewer = ctx.auth.require('todos:read');
  return ctx.db.run((tx) => findSavedFiltersOf(tx, viewer.userId));
}

export async function getSavedFilter(ctx: Pick<Context, 'auth' | 'db'>, id: string): Promise<SavedFilterRow> {
  const viewer = ctx.auth.require('todos:read');
  const row = await ctx.db.run((tx) => findOwnSavedFilter(tx, viewer.userId, id));
  if (!row) throw new NotFoundError('SavedFilter', encodeId('SavedFilter', id));
  return row;
}

export async function deleteSavedFilter(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, id: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  if (!(await ctx.db.run((tx) => deleteOwnSavedFilter(tx, viewer.userId, id)))) throw new NotFoundError('SavedFilter', encodeId('SavedFilter', id));
  refreshLoaders(ctx.loaders);
  return encodeId('SavedFilter', id);
}

/** The todos a view shows now, among the viewer's own and their shared projects'. */
export async function savedFilterTodos(ctx: Pick<Context, 'auth' | 'loaders' | 'now'>, row: SavedFilterRow, args: TodoListArgs): Promise<TodoPage> {
  return listViewTodos(ctx, row.ownerId, viewFilter(definitionOf(row), ctx.now(), await timeZoneOf(ctx, row.ownerId)), args);
}
