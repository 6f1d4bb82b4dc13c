import type { Context } from '../context';
import type { TodoAccess } from '../data/todos-repo';
import type { TodoRow } from '../data/tables';

/** The caller's reach, from the verified token: their own personal todos and the active organisation's. */
export const todoAccess = (ctx: Pick<Context, 'auth'>): TodoAccess => ({ userId: ctx.auth.userId(), tenantId: ctx.auth.tenantId() });

/**
 * The domain's statement of what row-level security enforces below it: an organisation's todo is
 * seen in that organisation, a personal one by its owner and by the members of its project.
 */
export async function isVisibleTo(ctx: Pick<Context, 'loaders'>, todo: TodoRow, access: TodoAccess): Promise<boolean> {
  if (todo.tenantId !== null) return todo.tenantId === access.tenantId;
  return todo.ownerId === access.userId || (await ctx.loaders.projectRole.load(todo.projectId)) !== null;
}
