import type { ProjectTodoFragment, TodoPriority } from '../../graphql/graphql';

/** Todoist's p1…p4, as quick add reads them. */
export const PRIORITY_LABELS: Record<TodoPriority, string> = { URGENT: 'p1 urgent', HIGH: 'p2 high', MEDIUM: 'p3 medium', LOW: 'p4 low', NONE: 'no priority' };

export const ROLE_LABELS = { OWNER: 'Owner', ADMIN: 'Admin', EDITOR: 'Editor', VIEWER: 'Viewer' } as const;

export type ProjectTodo = ProjectTodoFragment;
