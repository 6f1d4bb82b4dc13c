import DataLoader from 'dataloader';
import { groupLoader, parentQueryLoader, rowLoader, type ParentKey, type TenantDb } from '@mosaic/kit';
import { findCommentPages } from './comments-repo';
import { findCompletionPages } from './completions-repo';
import { findKnownUsers } from './known-users-repo';
import { findLabelsByIds, findLabelsOfTodos } from './labels-repo';
import { findRemindersOf } from './reminders-repo';
import { findMembersOf, findProjectsByIds, findRolesOf, findSectionsByIds, findSectionsOf } from './projects-repo';
import type { TodoFilterValues } from './todo-filters';
import { countTodoMatches, countViewTodos, findTodoPages, findViewTodoPages, type TodoListParent, type TodoListQuery } from './todo-lists-repo';
import { findSubtasksOf, findTodosByIds } from './todos-repo';
import type { CommentRow, CompletionRow, KnownUserRow, LabelRow, ProjectMemberRow, ProjectRole, ProjectRow, ReminderRow, SectionRow, TodoRow } from './tables';

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
  projectTodoPage: DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>;
  projectTodoCount: DataLoader<ParentKey<TodoFilterValues>, number, string>;
  /** A saved view's page, keyed by its owner (the viewer). */
  viewTodoPage: DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>;
  viewTodoCount: DataLoader<ParentKey<TodoFilterValues>, number, string>;
  completionPage: DataLoader<ParentKey<number>, CompletionRow[], string>;
  commentPage: DataLoader<ParentKey<number>, CommentRow[], string>;
  subtasks: DataLoader<string, TodoRow[], string>;
  todoLabels: DataLoader<string, LabelRow[], string>;
  labelById: DataLoader<string, LabelRow | null>;
  projectById: DataLoader<string, ProjectRow | null>;
  /** The viewer's role per project; null when they are not a member. */
  projectRole: DataLoader<string, ProjectRole | null>;
  projectMembers: DataLoader<string, ProjectMemberRow[], string>;
  projectSections: DataLoader<string, SectionRow[], string>;
  sectionById: DataLoader<string, SectionRow | null>;
  /** The viewer's reminders per todo. */
  reminders: DataLoader<string, ReminderRow[], string>;
  /** Users accounts announced (and did not delete): their time zone. */
  knownUser: DataLoader<string, KnownUserRow | null>;
}

/** Views are keyed by viewer and query (filter included), by value. */
const viewKey = (key: ParentKey<unknown>) => JSON.stringify([key.parentId, key.query]);

export function createLoaders(db: TenantDb, now: () => Date, viewerId: string | null): Loaders {
  const pages = (parent: TodoListParent) =>
    parentQueryLoader(
      (ids, query: TodoListQuery) => db.run((tx) => findTodoPages(tx, parent, ids, query, now())),
      (todo) => ({ owner: todo.ownerId, tenant: todo.tenantId!, project: todo.projectId })[parent],
      (rows) => rows,
    );
  const counts = (parent: TodoListParent) =>
    parentQueryLoader(
      (ids, filter: TodoFilterValues) => db.run((tx) => countTodoMatches(tx, parent, ids, filter, now())),
      (row) => row.parentId,
      (rows) => rows[0]?.count ?? 0,
    );
  const roles = new DataLoader<string, ProjectRole | null>(async (ids) => {
    const rows = viewerId ? await db.run((tx) => findRolesOf(tx, viewerId, ids)) : [];
    const byProject = new Map(rows.map((row) => [row.projectId, row.role]));
    return ids.map((id) => byProject.get(id) ?? null);
  });
  return {
    todoById: rowLoader((ids: readonly string[]) => db.run((tx) => findTodosByIds(tx, ids)), (todo) => todo.id),
    todoPage: pages('owner'),
    todoCount: counts('owner'),
    tenantTodoPage: pages('tenant'),
    tenantTodoCount: counts('tenant'),
    projectTodoPage: pages('project'),
    projectTodoCount: counts('project'),
    viewTodoPage: new DataLoader<ParentKey<TodoListQuery>, TodoRow[], string>(
      async (keys) => {
        const rows = await db.run((tx) => findViewTodoPages(tx, keys.map((key) => ({ viewerId: key.parentId, query: key.query })), now()));
        const pages = keys.map((): TodoRow[] => []);
        for (const { request, ...todo } of rows) pages[request]!.push(todo);
        return pages;
      },
      { cacheKeyFn: viewKey },
    ),
    viewTodoCount: new DataLoader<ParentKey<TodoFilterValues>, number, string>(
      async (keys) => {
        const rows = await db.run((tx) => countViewTodos(tx, keys.map((key) => ({ viewerId: key.parentId, filter: key.query })), now()));
        const counts = keys.map(() => 0);
        for (const row of rows) counts[row.request] = row.count;
        return counts;
      },
      { cacheKeyFn: viewKey },
    ),
    completionPage: parentQueryLoader((todoIds, limit: number) => db.run((tx) => findCompletionPages(tx, todoIds, limit)), (row) => row.todoId, (rows) => rows),
    commentPage: parentQueryLoader((todoIds, limit: number) => db.run((tx) => findCommentPages(tx, todoIds, limit)), (row) => row.todoId, (rows) => rows),
    subtasks: groupLoader((ids: readonly string[]) => db.run((tx) => findSubtasksOf(tx, ids)), (todo) => todo.parentId!, (id) => id),
    todoLabels: groupLoader((ids: readonly string[]) => db.run((tx) => findLabelsOfTodos(tx, ids)), (label) => label.todoId, (id) => id),
    labelById: rowLoader((ids: readonly string[]) => db.run((tx) => findLabelsByIds(tx, ids)), (label) => label.id),
    projectById: rowLoader((ids: readonly string[]) => db.run((tx) => findProjectsByIds(tx, ids)), (project) => project.id),
    projectRole: roles,
    projectMembers: groupLoader((ids: readonly string[]) => db.run((tx) => findMembersOf(tx, ids)), (member) => member.projectId, (id) => id),
    projectSections: groupLoader((ids: readonly string[]) => db.run((tx) => findSectionsOf(tx, ids)), (section) => section.projectId, (id) => id),
    sectionById: rowLoader((ids: readonly string[]) => db.run((tx) => findSectionsByIds(tx, ids)), (section) => section.id),
    reminders: groupLoader((ids: readonly string[]) => (viewerId ? db.run((tx) => findRemindersOf(tx, viewerId, ids)) : Promise.resolve([])), (reminder) => reminder.todoId, (id) => id),
    knownUser: rowLoader((ids: readonly string[]) => db.run((tx) => findKnownUsers(tx, ids)), (user) => user.userId),
  };
}
