import { z } from 'zod';
import { ConflictError, isUniqueViolation, refreshLoaders, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteCategoryRow, insertCategory, updateCategoryRow } from '../data/categories-repo';
import type { CategoryRow } from '../data/tables';

/** How deep the tree may grow: "Home › Utilities › Energy › Electricity › Night tariff". */
export const MAX_CATEGORY_DEPTH = 5;
export const MAX_CATEGORIES = 1_000;

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const createInput = z.object({ name, parentId: z.string().nullish() });
const updateInput = z.object({ name: name.nullish(), parentId: z.string().nullish() });

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

/** The caller's whole tree (one statement per request). */
export async function ownCategories(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<CategoryRow[]> {
  const viewer = ctx.auth.require('expenses:read');
  return ctx.loaders.categoriesOf.load(viewer.userId);
}

export async function topLevelCategories(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<CategoryRow[]> {
  return (await ownCategories(ctx)).filter((row) => row.parentId === null);
}

export async function findOwnCategory(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<CategoryRow | null> {
  return (await ownCategories(ctx)).find((row) => row.id === id) ?? null;
}

const depthOf = (all: readonly CategoryRow[], id: string | null): number => {
  let depth = 0;
  for (let current = all.find((row) => row.id === id); current; current = all.find((row) => row.id === current!.parentId)) depth++;
  return depth;
};

const heightBelow = (all: readonly CategoryRow[], id: string): number => {
  const children = all.filter((row) => row.parentId === id);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => heightBelow(all, child.id)));
};

const duplicateName = (what: string) => new ConflictError(`${what} already has a category with this name; pick another name.`);

export async function createCategory(ctx: WriteContext, input: unknown, decodeParent: (id: string) => string): Promise<CategoryRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(createInput, input);
  const all = await ownCategories(ctx);
  if (all.length >= MAX_CATEGORIES) throw new ConflictError(`You already have ${MAX_CATEGORIES} categories, the most one user may keep.`);
  const parentId = values.parentId ? decodeParent(values.parentId) : null;
  if (parentId && !all.some((row) => row.id === parentId)) throw new UserInputError('input.parentId: is not one of your categories.', 'input.parentId');
  if (depthOf(all, parentId) + 1 > MAX_CATEGORY_DEPTH) throw new UserInputError(`input.parentId: categories nest at most ${MAX_CATEGORY_DEPTH} levels deep.`, 'input.parentId');
  const now = ctx.now();
  try {
    const row = await insertCategory(ctx.db, { id: uuidv7(now.getTime()), ownerId, parentId, name: values.name, createdAt: now });
    refreshLoaders(ctx.loaders);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(parentId ? 'The parent' : 'Your top level');
    throw error;
  }
}

export async function updateCategory(ctx: WriteContext, id: string, input: unknown, decodeParent: (id: string) => string): Promise<CategoryRow | null> {
  ctx.auth.require('expenses:write');
  const values = validate(updateInput, input);
  const all = await ownCategories(ctx);
  const current = all.find((row) => row.id === id);
  if (!current) return null;
  const changes: Partial<Pick<CategoryRow, 'name' | 'parentId'>> = {};
  if (values.name) changes.name = values.name;
  if (values.parentId !== undefined) {
    const parentId = values.parentId === null ? null : decodeParent(values.parentId);
    if (parentId && !all.some((row) => row.id === parentId)) throw new UserInputError('input.parentId: is not one of your categories.', 'input.parentId');
    for (let walk = parentId; walk; walk = all.find((row) => row.id === walk)?.parentId ?? null) {
      if (walk === id) throw new UserInputError('input.parentId: a category cannot move under itself or one of its subcategories.', 'input.parentId');
    }
    if (depthOf(all, parentId) + 1 + heightBelow(all, id) > MAX_CATEGORY_DEPTH) {
      throw new UserInputError(`input.parentId: categories nest at most ${MAX_CATEGORY_DEPTH} levels deep.`, 'input.parentId');
    }
    changes.parentId = parentId;
  }
  if (Object.keys(changes).length === 0) return current;
  try {
    const row = await updateCategoryRow(ctx.db, id, changes);
    refreshLoaders(ctx.loaders);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName('The parent');
    throw error;
  }
}

export async function deleteCategory(ctx: WriteContext, id: string): Promise<string | null> {
  ctx.auth.require('expenses:write');
  const all = await ownCategories(ctx);
  if (!all.some((row) => row.id === id)) return null;
  if (all.some((row) => row.parentId === id)) throw new ConflictError('This category has subcategories; move or delete them first.');
  await deleteCategoryRow(ctx.db, id);
  refreshLoaders(ctx.loaders);
  return id;
}

/** Names from the root down to the category. */
export function pathOf(all: readonly CategoryRow[], row: CategoryRow): string[] {
  const names: string[] = [];
  for (let current: CategoryRow | undefined = row; current; current = all.find((c) => c.id === current!.parentId)) names.unshift(current.name);
  return names;
}
