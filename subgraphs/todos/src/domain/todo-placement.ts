import { NotFoundError, UserInputError, encodeId, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { findWritableTodoForUpdate } from '../data/todos-repo';
import type { SectionRow, TodoRow } from '../data/tables';
import { MAY_EDIT_TODOS, requireProjectRole } from './project-access';
import { inboxOf } from './projects';
import { todoAccess } from './todo-access';

/** Where a todo goes: a project, maybe a section of it, maybe under a parent todo. Raw ids. */
export interface PlacementRequest {
  projectId?: string | null;
  sectionId?: string | null;
  parentId?: string | null;
}

export interface Placement {
  projectId: string;
  sectionId: string | null;
  parent: TodoRow | null;
}

/** What can be checked through the request's loaders, before the write's transaction opens. */
export interface CheckedPlacement extends PlacementRequest {
  section: SectionRow | null;
}

export async function checkPlacement(ctx: Pick<Context, 'loaders'>, request: PlacementRequest, prefix = 'input'): Promise<CheckedPlacement> {
  if (request.projectId) await requireProjectRole(ctx, request.projectId, MAY_EDIT_TODOS);
  const section = request.sectionId ? await ctx.loaders.sectionById.load(request.sectionId) : null;
  if (request.sectionId && !section) throw new UserInputError(`${prefix}.sectionId: "${encodeId('Section', request.sectionId)}" is not a section you can see.`, `${prefix}.sectionId`);
  return { ...request, section };
}

/**
 * A new todo's place, in the write's transaction: a parent decides the project (a subtree never
 * spans projects); otherwise the given project (checked before) or the viewer's Inbox. A section
 * must belong to that project.
 */
export async function placeNewTodo(ctx: Pick<Context, 'auth' | 'now'>, tx: Db, request: CheckedPlacement): Promise<Placement> {
  const parent = request.parentId ? await writableParent(ctx, tx, request.parentId, 'input.parentId') : null;
  if (parent && request.projectId && request.projectId !== parent.projectId) {
    throw new UserInputError("input.projectId: a subtask goes in its parent's project; leave projectId out or give the parent's.", 'input.projectId');
  }
  const projectId = parent?.projectId ?? request.projectId ?? (await inboxOf(tx, ctx.auth.userId(), ctx.now())).id;
  return { projectId, sectionId: sectionIn(projectId, request.section, 'input.sectionId'), parent };
}

/** The parent-to-be, which the viewer must be able to change and which must be open. */
export async function writableParent(ctx: Pick<Context, 'auth'>, tx: Db, parentId: string, field: string): Promise<TodoRow> {
  const parent = await findWritableTodoForUpdate(tx, todoAccess(ctx), parentId);
  if (!parent) throw new NotFoundError('Todo', encodeId('Todo', parentId));
  if (parent.done) throw new UserInputError(`${field}: that todo is done; reopen it before adding subtasks.`, field);
  return parent;
}

/** The section's id when it belongs to `projectId` (null for none); BAD_USER_INPUT otherwise. */
export function sectionIn(projectId: string, section: SectionRow | null, field: string): string | null {
  if (!section) return null;
  if (section.projectId !== projectId) throw new UserInputError(`${field}: "${encodeId('Section', section.id)}" is not a section of the todo's project.`, field);
  return section.id;
}
