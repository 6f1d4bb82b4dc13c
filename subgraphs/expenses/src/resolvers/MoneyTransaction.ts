import { encodeId } from '@mosaic/kit';
import type { MoneyTransactionResolvers, MoneyTransactionSplitResolvers, MoneyTransactionConnectionResolvers } from '../resolvers.generated';
import { countTransactions } from '../data/transactions-repo';
import { formatRate, scaleRate } from '../domain/fx/convert';

const toKind = (kind: string) => kind.toUpperCase() as 'INCOME' | 'EXPENSE' | 'TRANSFER';

export const MoneyTransaction: MoneyTransactionResolvers = {
  id: (row) => encodeId('MoneyTransaction', row.id),
  kind: (row) => toKind(row.kind),
  account: async (row, _args, ctx) => (await ctx.loaders.moneyAccountById.load(row.accountId))!,
  toAccount: (row, _args, ctx) => (row.toAccountId ? ctx.loaders.moneyAccountById.load(row.toAccountId) : null),
  splits: (row, _args, ctx) => ctx.loaders.splitsOf.load(row.id),
  receipt: (row) => (row.receiptFileId ? { id: encodeId('File', row.receiptFileId) } : null),
  conversion: (row) => ({ from: row.currency, to: row.baseCurrency, rate: formatRate(scaleRate(row.fxRate)), rateDate: row.fxRateDate, source: row.fxSource }),
};

export const MoneyTransactionSplit: MoneyTransactionSplitResolvers = {
  id: (row) => encodeId('MoneyTransactionSplit', row.id),
  category: async (row, _args, ctx) => (row.categoryId ? ((await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.categoryId) ?? null) : null),
};

export const MoneyTransactionConnection: MoneyTransactionConnectionResolvers = {
  totalCount: (page, _args, ctx) => countTransactions(ctx.db, page.ownerId, page.filter),
};
