import { decodeId, encodeId } from '@mosaic/kit';
import { setBaseCurrency } from '../domain/base-currency';
import { importStatement } from '../domain/import/csv-import';
import { applyRules, createRule, deleteRule } from '../domain/rules';
import { createRecurring, deleteRecurring } from '../domain/recurring';
import { createBudget, deleteBudget, updateBudget } from '../domain/budgets';
import { createCategory, deleteCategory, updateCategory } from '../domain/categories';
import { createMoneyAccount, deleteMoneyAccount, updateMoneyAccount } from '../domain/money-accounts';
import { attachReceipt, createTransaction, deleteTransaction, updateTransaction } from '../domain/transactions';
import type { MutationResolvers } from '../resolvers.generated';

const parentId = (id: string) => decodeId('ExpenseCategory', id, 'input.parentId');
const encodedOrNull = (type: string) => (id: string | null) => (id === null ? null : encodeId(type, id));

export const Mutation: MutationResolvers = {
  createMoneyAccount: (_parent, args, ctx) => createMoneyAccount(ctx, args.input),
  updateMoneyAccount: (_parent, args, ctx) => updateMoneyAccount(ctx, decodeId('MoneyAccount', args.id), args.input),
  deleteMoneyAccount: async (_parent, args, ctx) => encodedOrNull('MoneyAccount')(await deleteMoneyAccount(ctx, decodeId('MoneyAccount', args.id))),
  createExpenseCategory: (_parent, args, ctx) => createCategory(ctx, args.input, parentId),
  updateExpenseCategory: (_parent, args, ctx) => updateCategory(ctx, decodeId('ExpenseCategory', args.id), args.input, parentId),
  deleteExpenseCategory: async (_parent, args, ctx) => encodedOrNull('ExpenseCategory')(await deleteCategory(ctx, decodeId('ExpenseCategory', args.id))),
  createMoneyTransaction: (_parent, args, ctx) => createTransaction(ctx, args.input),
  updateMoneyTransaction: (_parent, args, ctx) => updateTransaction(ctx, decodeId('MoneyTransaction', args.id), args.input),
  deleteMoneyTransaction: async (_parent, args, ctx) => encodedOrNull('MoneyTransaction')(await deleteTransaction(ctx, decodeId('MoneyTransaction', args.id))),
  importCsv: (_parent, args, ctx) => importStatement(ctx, args.input),
  createRule: (_parent, args, ctx) => createRule(ctx, args.input),
  deleteRule: async (_parent, args, ctx) => encodedOrNull('Rule')(await deleteRule(ctx, decodeId('Rule', args.id))),
  applyRules: (_parent, _args, ctx) => applyRules(ctx),
  createRecurringTransaction: (_parent, args, ctx) => createRecurring(ctx, args.input),
  deleteRecurringTransaction: async (_parent, args, ctx) => encodedOrNull('RecurringTransaction')(await deleteRecurring(ctx, decodeId('RecurringTransaction', args.id))),
  attachReceipt: (_parent, args, ctx) => attachReceipt(ctx, decodeId('MoneyTransaction', args.transactionId, 'transactionId'), args.fileId ? decodeId('File', args.fileId, 'fileId') : null),
  createBudget: (_parent, args, ctx) => createBudget(ctx, args.input),
  updateBudget: (_parent, args, ctx) => updateBudget(ctx, decodeId('Budget', args.id), args.input),
  deleteBudget: async (_parent, args, ctx) => encodedOrNull('Budget')(await deleteBudget(ctx, decodeId('Budget', args.id))),
  setBaseCurrency: (_parent, args, ctx) => setBaseCurrency(ctx, args.currency),
};
