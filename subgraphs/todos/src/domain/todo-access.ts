import type { Context } from '../context';
import type { TodoAccess } from '../data/todos-repo';
import type { TodoRow } from '../data/tables';

/** The caller's reach, from the verified token: their own personal todos and the active organisation's. */
export const todoAccess = (ctx: Pick<Context, 'auth'>): TodoAccess => ({ userId: ctx.auth.userId(), tenantId: ctx.auth.tenantId() });

/** The domain's statement of what row-level security enforces below it. */
export function isVisibleTo(todo: TodoRow, access: TodoAccess): boolean {
  return todo.tenantId === null ? todo.ownerId === access.userId : todo.tenantId === access.tenantId;
}
