import { encodeId } from '@mosaic/kit';
import { pathOf } from '../domain/categories';
import type { ExpenseCategoryResolvers } from '../resolvers.generated';

/** Parents, children and paths come from the owner's whole tree, loaded once per request. */
export const ExpenseCategory: ExpenseCategoryResolvers = {
  id: (row) => encodeId('ExpenseCategory', row.id),
  parent: async (row, _args, ctx) => (row.parentId ? ((await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.parentId) ?? null) : null),
  children: async (row, _args, ctx) => (await ctx.loaders.categoriesOf.load(row.ownerId)).filter((c) => c.parentId === row.id),
  path: async (row, _args, ctx) => pathOf(await ctx.loaders.categoriesOf.load(row.ownerId), row),
};
