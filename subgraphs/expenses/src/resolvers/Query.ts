import { decodeId } from '@mosaic/kit';
import { ownBudgets } from '../domain/budgets';
import { topLevelCategories } from '../domain/categories';
import { SUPPORTED_CURRENCIES } from '../domain/currencies';
import { findOwnMoneyAccount } from '../domain/money-accounts';
import { incomeVsExpenseReport, netWorthReport, spendingByCategoryReport } from '../domain/reports';
import { expenseSettingsOf } from '../domain/settings';
import { previewImport } from '../domain/import/preview';
import { ownRules } from '../domain/rules';
import { ownRecurring } from '../domain/recurring';
import { findOwnTransaction, listTransactions } from '../domain/transactions';
import type { QueryResolvers } from '../resolvers.generated';

export const Query: QueryResolvers = {
  moneyAccount: (_parent, args, ctx) => findOwnMoneyAccount(ctx, decodeId('MoneyAccount', args.id)),
  moneyTransaction: (_parent, args, ctx) => findOwnTransaction(ctx, decodeId('MoneyTransaction', args.id)),
  moneyTransactions: (_parent, args, ctx) => listTransactions(ctx, args.filter, args),
  expenseCategories: (_parent, _args, ctx) => topLevelCategories(ctx),
  budgets: (_parent, _args, ctx) => ownBudgets(ctx),
  incomeVsExpense: (_parent, args, ctx) => incomeVsExpenseReport(ctx, args),
  spendingByCategory: (_parent, args, ctx) => spendingByCategoryReport(ctx, args),
  netWorth: (_parent, args, ctx) => netWorthReport(ctx, args),
  previewCsvImport: (_parent, args, ctx) => previewImport(ctx, args.input),
  rules: (_parent, _args, ctx) => ownRules(ctx),
  recurringTransactions: (_parent, _args, ctx) => ownRecurring(ctx),
  expenseSettings: (_parent, _args, ctx) => expenseSettingsOf(ctx),
  supportedCurrencies: () => [...SUPPORTED_CURRENCIES],
};
