import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { listCompletions } from '../domain/completions';
import { findOwnTodo } from '../domain/find-todo';
import { upcomingOccurrencesOf } from '../domain/occurrences';
import { priorityName } from '../domain/priority';
import { visibleProject, visibleSection } from '../domain/project-reads';
import { listComments } from '../domain/todo-comments';
import type { TodoResolvers } from '../resolvers.generated';

export const Todo: TodoResolvers = {
  // `_entities` applies the same rule as `Query.todo`: only the owner resolves it; others get null.
  __resolveReference: (reference, ctx) => findOwnTodo(ctx, decodeId('Todo', reference.id)),
  id: (todo) => encodeId('Todo', todo.id),
  priority: (todo) => priorityName(todo.priority),
  upcomingOccurrences: (todo, args, ctx) => upcomingOccurrencesOf(todo, args, ctx.now()),
  completions: (todo, args, ctx) => listCompletions(ctx, todo, args.first),
  owner: (todo) => userReference(todo.ownerId),
  organization: (todo) => (todo.tenantId ? { id: encodeId('Organization', todo.tenantId) } : null),
  project: (todo, _args, ctx) => visibleProject(ctx, todo.projectId),
  section: (todo, _args, ctx) => visibleSection(ctx, todo.sectionId),
  parent: (todo, _args, ctx) => (todo.parentId ? findOwnTodo(ctx, todo.parentId) : null),
  subtasks: (todo, _args, ctx) => ctx.loaders.subtasks.load(todo.id),
  labels: (todo, _args, ctx) => ctx.loaders.todoLabels.load(todo.id),
  comments: (todo, args, ctx) => listComments(ctx, todo, args.first),
  reminders: (todo, _args, ctx) => ctx.loaders.reminders.load(todo.id),
};
