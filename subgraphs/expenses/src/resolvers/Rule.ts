import { encodeId } from '@mosaic/kit';
import type { CsvImportRowResolvers, RuleResolvers } from '../resolvers.generated';

const upper = <T extends string>(value: string) => value.toUpperCase() as T;

export const Rule: RuleResolvers = {
  id: (row) => encodeId('Rule', row.id),
  field: (row) => upper<'PAYEE' | 'NOTES' | 'ANY'>(row.field),
  match: (row) => upper<'CONTAINS' | 'EQUALS' | 'STARTS_WITH'>(row.match),
  category: async (row, _args, ctx) => (row.categoryId ? ((await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.categoryId) ?? null) : null),
};

export const CsvImportRow: CsvImportRowResolvers = {
  kind: (row) => (row.kind ? upper<'INCOME' | 'EXPENSE'>(row.kind) : null),
  category: async (row, _args, ctx) => (row.categoryId ? ((await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.categoryId) ?? null) : null),
};
