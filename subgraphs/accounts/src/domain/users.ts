import { ForbiddenError, NotFoundError, UserInputError, pageSize, toConnection, type Connection } from '@mosaic/kit';
import type { Context } from '../context';
import type { UserRow } from '../data/tables';
import { listUsers as listUserRows, updateRoles, userCursorKey } from '../data/users-repo';

/** Platform-wide roles; a domain names the ones that hold its scopes (commerce: staff; blog: author, editor). */
export const ROLES = ['user', 'admin', 'staff', 'editor', 'author'] as const;
export type RoleName = (typeof ROLES)[number];

export async function viewerProfile(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<UserRow | null> {
  return ctx.loaders.userById.load(ctx.auth.userId());
}

export function findUser(ctx: Pick<Context, 'loaders'>, userId: string): Promise<UserRow | null> {
  return ctx.loaders.userById.load(userId);
}

export async function listUsers(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: { first?: number | null; after?: string | null }): Promise<Connection<UserRow>> {
  ctx.auth.requireScope('users:read');
  const limit = pageSize(args.first);
  const rows = await listUserRows(ctx.db, limit, args.after);
  for (const row of rows) ctx.loaders.userById.prime(row.id, row);
  return toConnection(rows, limit, userCursorKey, args.after);
}

/** Every user keeps the `user` role; an admin cannot remove their own admin role (no lock-out). */
export async function setUserRoles(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, userId: string, roles: readonly RoleName[]): Promise<UserRow> {
  const admin = ctx.auth.require('users:write');
  const unique = [...new Set<RoleName>(['user', ...roles])].sort();
  if (admin.userId === userId && !unique.includes('admin')) {
    throw new ForbiddenError('You cannot remove your own admin role; ask another admin.');
  }
  if (unique.length > ROLES.length) throw new UserInputError('roles: unknown role.', 'roles');
  const updated = await updateRoles(ctx.db, userId, unique, ctx.now());
  if (!updated) throw new NotFoundError('User');
  ctx.loaders.userById.clear(userId).prime(userId, updated);
  return updated;
}
