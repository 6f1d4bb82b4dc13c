import { ConflictError, ForbiddenError, NotFoundError, UserInputError, encodeId, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteMember, findMember, lockProjectFor, upsertMember } from '../data/projects-repo';
import type { ProjectRole, ProjectRow } from '../data/tables';
import { assertKnownUser } from './known-users';
import { MAY_MANAGE } from './project-access';
import { assertRole } from './project-roles';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/** The roles each manager may hand out: the owner makes admins, admins make editors and viewers. */
const GRANTABLE: Record<ProjectRole, readonly ProjectRole[]> = { OWNER: ['ADMIN', 'EDITOR', 'VIEWER'], ADMIN: ['EDITOR', 'VIEWER'], EDITOR: [], VIEWER: [] };

/**
 * Shares a project with a user, or changes their role. The user must be one accounts announced
 * (the `known_users` projection of its events): a share with an id nobody has is BAD_USER_INPUT,
 * checked after the viewer's own rights so that outsiders learn nothing about who exists.
 */
export async function shareProject(ctx: WriteContext, projectId: string, userId: string, role: ProjectRole): Promise<ProjectRow> {
  const viewer = ctx.auth.require('todos:write');
  if (userId === viewer.userId) throw new UserInputError('userId: you cannot change your own role in a project.', 'userId');
  const project = await ctx.db.run(async (tx) => {
    const locked = await lockProjectFor(tx, viewer.userId, projectId);
    if (!locked) throw new NotFoundError('Project', encodeId('Project', projectId));
    assertRole(locked.role, MAY_MANAGE);
    if (locked.project.inbox) throw new UserInputError('projectId: the Inbox is private; move the todos to a project and share that.', 'projectId');
    if (!GRANTABLE[locked.role].includes(role)) {
      throw new ForbiddenError(`As ${locked.role} you can grant ${GRANTABLE[locked.role].join(' or ')}, not ${role}.`, { field: 'role' });
    }
    await assertKnownUser(tx, userId, 'userId');
    const current = await findMember(tx, projectId, userId);
    if (current?.role === 'OWNER') throw new ConflictError('This user owns the project; their role cannot change.', { field: 'userId' });
    if (current && locked.role === 'ADMIN' && current.role === 'ADMIN') throw new ForbiddenError('Only the owner changes the role of an admin.', { field: 'userId' });
    await upsertMember(tx, { projectId, userId, role, addedAt: current?.addedAt ?? ctx.now() });
    return locked.project;
  });
  refreshLoaders(ctx.loaders);
  return project;
}

/** Takes a member out: owners and admins remove others (admins not other admins), anyone but the owner removes themself. */
export async function unshareProject(ctx: WriteContext, projectId: string, userId: string): Promise<ProjectRow> {
  const viewer = ctx.auth.require('todos:write');
  const project = await ctx.db.run(async (tx) => {
    const locked = await lockProjectFor(tx, viewer.userId, projectId);
    if (!locked) throw new NotFoundError('Project', encodeId('Project', projectId));
    const member = await findMember(tx, projectId, userId);
    if (!member) throw new NotFoundError('ProjectMember', encodeId('User', userId));
    if (member.role === 'OWNER') throw new ConflictError('The owner cannot leave their project; delete it instead.', { field: 'userId' });
    if (userId !== viewer.userId) {
      assertRole(locked.role, MAY_MANAGE);
      if (locked.role === 'ADMIN' && member.role === 'ADMIN') throw new ForbiddenError('Only the owner removes an admin.', { field: 'userId' });
    }
    await deleteMember(tx, projectId, userId);
    return locked.project;
  });
  refreshLoaders(ctx.loaders);
  return project;
}
