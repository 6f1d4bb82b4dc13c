import { NotFoundError, UserInputError, encodeId, refreshLoaders, uuidv7, validate, written, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteProjectRow, findInbox, findProjectsOfMember, insertProject, lockProjectFor, updateProjectRow } from '../data/projects-repo';
import type { ProjectRow } from '../data/tables';
import { MAY_MANAGE } from './project-access';
import { DEFAULT_COLOR, createProjectInput, updateProjectInput } from './project-input';
import { assertRole } from './project-roles';

type ReadContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;
type WriteContext = ReadContext;

/** The user's Inbox, made on first use (concurrent first uses agree on one: a unique index). */
export async function inboxOf(tx: Db, ownerId: string, now: Date): Promise<ProjectRow> {
  const existing = await findInbox(tx, ownerId);
  if (existing) return existing;
  const made = await insertProject(tx, { id: uuidv7(now.getTime()), ownerId, name: 'Inbox', color: DEFAULT_COLOR, inbox: true, createdAt: now, updatedAt: now }, { ifAbsent: true });
  return made ?? (await findInbox(tx, ownerId))!;
}

/** The viewer's projects and those shared with them, their Inbox first (made now if they have none yet). */
export async function listProjects(ctx: ReadContext): Promise<ProjectRow[]> {
  const viewer = ctx.auth.require('todos:read');
  const rows = await ctx.db.run(async (tx) => {
    await inboxOf(tx, viewer.userId, ctx.now());
    return findProjectsOfMember(tx, viewer.userId);
  });
  for (const row of rows) ctx.loaders.projectById.prime(row.id, row);
  return rows;
}

/** A project the viewer is a member of, or null (`_entities`); anyone else's looks missing. */
export async function findProject(ctx: Pick<Context, 'auth' | 'loaders'>, projectId: string): Promise<ProjectRow | null> {
  ctx.auth.require('todos:read');
  if (!(await ctx.loaders.projectRole.load(projectId))) return null;
  return ctx.loaders.projectById.load(projectId);
}

export async function getProject(ctx: Pick<Context, 'auth' | 'loaders'>, projectId: string): Promise<ProjectRow> {
  const project = await findProject(ctx, projectId);
  if (!project) throw new NotFoundError('Project', encodeId('Project', projectId));
  return project;
}

export async function createProject(ctx: WriteContext, input: unknown): Promise<ProjectRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(createProjectInput, input);
  const now = ctx.now();
  const project = await ctx.db.run(async (tx) =>
    insertProject(tx, { id: uuidv7(now.getTime()), ownerId: viewer.userId, name: values.name, color: values.color ?? DEFAULT_COLOR, inbox: false, createdAt: now, updatedAt: now }),
  );
  refreshLoaders(ctx.loaders, written(ctx.loaders.projectById, project!.id, project!));
  return project!;
}

/** Owners and admins rename or recolour a project; the Inbox keeps its name. */
export async function updateProject(ctx: WriteContext, projectId: string, input: unknown): Promise<ProjectRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(updateProjectInput, input);
  const project = await ctx.db.run(async (tx) => {
    const locked = await lockProjectFor(tx, viewer.userId, projectId);
    if (!locked) throw new NotFoundError('Project', encodeId('Project', projectId));
    assertRole(locked.role, MAY_MANAGE);
    if (locked.project.inbox && values.name !== undefined && values.name !== locked.project.name) {
      throw new UserInputError('input.name: the Inbox cannot be renamed; create a project instead.', 'input.name');
    }
    const changes = { ...(values.name !== undefined ? { name: values.name } : {}), ...(values.color !== undefined ? { color: values.color } : {}) };
    if (Object.keys(changes).length === 0) return locked.project;
    return updateProjectRow(tx, projectId, { ...changes, updatedAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.projectById, project.id, project));
  return project;
}

/** The owner deletes a project with its sections and todos; the Inbox stays. */
export async function deleteProject(ctx: WriteContext, projectId: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  await ctx.db.run(async (tx) => {
    const locked = await lockProjectFor(tx, viewer.userId, projectId);
    if (!locked) throw new NotFoundError('Project', encodeId('Project', projectId));
    assertRole(locked.role, ['OWNER']);
    if (locked.project.inbox) throw new UserInputError('id: the Inbox cannot be deleted; delete its todos instead.', 'id');
    await deleteProjectRow(tx, projectId);
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.projectById, projectId, null));
  return encodeId('Project', projectId);
}
