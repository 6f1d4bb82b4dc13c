import { NotFoundError, encodeId, refreshLoaders, uuidv7, validate, written } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteSectionRow, insertSection, lastSectionPosition, updateSectionRow } from '../data/projects-repo';
import type { SectionRow } from '../data/tables';
import { positionAfterLast } from './positions';
import { MAY_EDIT_TODOS, requireProjectRole } from './project-access';
import { sectionName } from './project-input';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

export async function createSection(ctx: WriteContext, projectId: string, name: unknown): Promise<SectionRow> {
  ctx.auth.require('todos:write');
  const value = validate(sectionName, name, 'name');
  await requireProjectRole(ctx, projectId, MAY_EDIT_TODOS);
  const now = ctx.now();
  const section = await ctx.db.run(async (tx) =>
    insertSection(tx, { id: uuidv7(now.getTime()), projectId, name: value, position: positionAfterLast(await lastSectionPosition(tx, projectId)), createdAt: now }),
  );
  refreshLoaders(ctx.loaders, written(ctx.loaders.sectionById, section.id, section));
  return section;
}

/** A section of a project the viewer may edit; others look missing (or FORBIDDEN for a viewer). */
async function editableSection(ctx: WriteContext, sectionId: string): Promise<SectionRow> {
  const section = await ctx.loaders.sectionById.load(sectionId);
  if (!section || !(await ctx.loaders.projectRole.load(section.projectId))) throw new NotFoundError('Section', encodeId('Section', sectionId));
  await requireProjectRole(ctx, section.projectId, MAY_EDIT_TODOS);
  return section;
}

export async function renameSection(ctx: WriteContext, sectionId: string, name: unknown): Promise<SectionRow> {
  ctx.auth.require('todos:write');
  const value = validate(sectionName, name, 'name');
  await editableSection(ctx, sectionId);
  const section = await ctx.db.run((tx) => updateSectionRow(tx, sectionId, value));
  refreshLoaders(ctx.loaders, written(ctx.loaders.sectionById, section.id, section));
  return section;
}

export async function deleteSection(ctx: WriteContext, sectionId: string): Promise<string> {
  ctx.auth.require('todos:write');
  await editableSection(ctx, sectionId);
  await ctx.db.run((tx) => deleteSectionRow(tx, sectionId));
  refreshLoaders(ctx.loaders, written(ctx.loaders.sectionById, sectionId, null));
  return encodeId('Section', sectionId);
}
