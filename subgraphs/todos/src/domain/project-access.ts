import { NotFoundError, encodeId } from '@mosaic/kit';
import type { Context } from '../context';
import type { ProjectRole } from '../data/tables';
import { assertRole } from './project-roles';

/** Who may do what in a project (see ProjectRole in the SDL). */
export const MAY_EDIT_TODOS: readonly ProjectRole[] = ['OWNER', 'ADMIN', 'EDITOR'];
export const MAY_MANAGE: readonly ProjectRole[] = ['OWNER', 'ADMIN'];

/**
 * The viewer's role in the project, if it is one of `allowed`. Not a member: NOT_FOUND (exactly
 * like a project that does not exist); a member with too small a role: FORBIDDEN, naming what it takes.
 */
export async function requireProjectRole(ctx: Pick<Context, 'loaders'>, projectId: string, allowed: readonly ProjectRole[]): Promise<ProjectRole> {
  const role = await ctx.loaders.projectRole.load(projectId);
  if (!role) throw new NotFoundError('Project', encodeId('Project', projectId));
  assertRole(role, allowed);
  return role;
}
