import { ConflictError, decodeId, isUniqueViolation, refreshLoaders, UserInputError, uuidv7, validate, written } from '@mosaic/kit';
import type { Context } from '../../context';
import { findRootCategories, insertCategory, nextCategoryPosition } from '../../data/catalog-repo';
import type { CategoryRow } from '../../data/tables';
import { CATALOG_WRITE } from '../access';
import { createCategoryInput, slugify } from './catalog-input';

export async function createCategory(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, raw: unknown): Promise<CategoryRow> {
  ctx.auth.require(CATALOG_WRITE);
  const input = validate(createCategoryInput, raw);
  const parentId = input.parentId ? decodeId('Category', input.parentId, 'input.parentId') : null;
  if (parentId && !(await ctx.loaders.categoryById.load(parentId))) throw new UserInputError('input.parentId: no category has this id.', 'input.parentId');
  const now = ctx.now();
  try {
    const row = await insertCategory(ctx.db, {
      id: uuidv7(now.getTime()),
      parentId,
      name: input.name,
      slug: input.slug ?? slugify(input.name),
      position: await nextCategoryPosition(ctx.db, parentId),
      createdAt: now,
    });
    refreshLoaders(ctx.loaders, written(ctx.loaders.categoryById, row.id, row));
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A category with this slug exists already; choose another slug.');
    throw error;
  }
}

export const rootCategories = (ctx: Pick<Context, 'db'>) => findRootCategories(ctx.db);
