import { encodeId } from '@mosaic/kit';
import { priorityName } from '../domain/priority';
import { findOwnLabel } from '../domain/labels';
import { visibleProject } from '../domain/project-reads';
import { definitionOf, savedFilterTodos } from '../domain/saved-filters';
import type { SavedFilterResolvers } from '../resolvers.generated';

export const SavedFilter: SavedFilterResolvers = {
  id: (row) => encodeId('SavedFilter', row.id),
  due: (row) => definitionOf(row).due ?? null,
  project: (row, _args, ctx) => {
    const { projectId } = definitionOf(row);
    return projectId ? visibleProject(ctx, projectId) : null;
  },
  label: (row, _args, ctx) => {
    const { labelId } = definitionOf(row);
    return labelId ? findOwnLabel(ctx, labelId) : null;
  },
  priority: (row) => (definitionOf(row).priorities ?? []).map(priorityName),
  includeDone: (row) => definitionOf(row).includeDone ?? false,
  todos: (row, args, ctx) => savedFilterTodos(ctx, row, { ...args, orderBy: args.orderBy ?? { field: 'DUE_AT', direction: 'ASC' } }),
};
