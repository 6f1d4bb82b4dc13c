import { encodeId, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { budgetStatus } from '../domain/budgets';
import { openBudgetAlerts, type BudgetAlertPayload } from '../domain/live-alerts';
import type { BudgetAlertResolvers, BudgetResolvers, SubscriptionResolvers } from '../resolvers.generated';

export const Budget: BudgetResolvers = {
  id: (row) => encodeId('Budget', row.id),
  category: async (row, _args, ctx) => (await ctx.loaders.categoriesOf.load(row.ownerId)).find((c) => c.id === row.categoryId)!,
  period: (row) => (row.period === 'monthly' ? 'MONTHLY' : 'WEEKLY'),
  status: (row, args, ctx) => budgetStatus(ctx, row, args.on),
};

export const BudgetAlert: BudgetAlertResolvers = {
  budget: async (alert, _args, ctx) => (await ctx.loaders.budgetsOf.load(alert.ownerId)).find((b) => b.id === alert.budgetId) ?? null,
  category: async (alert, _args, ctx) => (await ctx.loaders.categoriesOf.load(alert.ownerId)).find((c) => c.id === alert.categoryId) ?? null,
};

export const Subscription: SubscriptionResolvers = {
  budgetAlerts: {
    subscribe: (_parent, _args, ctx) => openBudgetAlerts(ctx),
    // The stream's context lives as long as the subscription: read budgets and categories afresh per event.
    resolve: (alert: BudgetAlertPayload, _args: unknown, ctx: Context) => {
      refreshLoaders(ctx.loaders);
      return alert;
    },
  },
};
