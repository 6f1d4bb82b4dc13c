import { encodeId } from '@mosaic/kit';
import { upcomingDays } from '../domain/recurring';
import type { RecurringTransactionResolvers } from '../resolvers.generated';

export const RecurringTransaction: RecurringTransactionResolvers = {
  id: (row) => encodeId('RecurringTransaction', row.id),
  startsOn: (row) => row.anchorOn,
  kind: (row) => row.kind.toUpperCase() as 'INCOME' | 'EXPENSE' | 'TRANSFER',
  account: async (row, _args, ctx) => (await ctx.loaders.moneyAccountById.load(row.accountId))!,
  toAccount: (row, _args, ctx) => (row.toAccountId ? ctx.loaders.moneyAccountById.load(row.toAccountId) : null),
  category: async (row, _args, ctx) => (row.categoryId ? ((await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.categoryId) ?? null) : null),
  upcoming: (row, args) => upcomingDays(row, args.first),
};
