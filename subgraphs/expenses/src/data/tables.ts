import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything expenses stores lives in its own PostgreSQL schema. No column defaults: the
 * application owns values. Money is integer minor units (`bigint`, read as JS bigint); calendar
 * days (a transaction's date, a budget period) are `date`, read as 'YYYY-MM-DD' strings. Owners are
 * raw accounts user ids (users are federation entities: no foreign key across subgraphs).
 */
export const expensesSchema = pgSchema('expenses');

const money = (name: string) => bigint(name, { mode: 'bigint' });
const day = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** Per-user preferences: the currency reports are shown in. A user without a row uses the default. */
export const expenseSettings = expensesSchema.table('settings', {
  ownerId: uuid('owner_id').primaryKey(),
  baseCurrency: text('base_currency').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** Where money is kept: a wallet of cash, a bank account, a card. One currency each. */
export const moneyAccounts = expensesSchema.table(
  'money_accounts',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'cash' | 'bank' | 'card'>().notNull(),
    currency: text('currency').notNull(),
    openingBalance: money('opening_balance').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    index('money_accounts_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    check('money_accounts_kind', sql`${table.kind} in ('cash', 'bank', 'card')`),
  ],
);

/** A tree per user: a category may have a parent (of the same user); names are unique among siblings. */
export const categories = expensesSchema.table(
  'categories',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('categories_sibling_name_idx').on(table.ownerId, sql`coalesce(${table.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${table.name})`),
    index('categories_parent_idx').on(table.parentId),
  ],
);

/**
 * Income and expenses move money in or out of one account; a transfer moves it between two of the
 * owner's accounts (`to_amount` in the destination's currency). `amount` is always positive, in the
 * account's currency; `base_amount` is the same amount in the owner's base currency, converted at
 * `fx_rate` (base units per account unit, as published by `fx_source` for `fx_rate_date`) — the rate
 * used is kept with the conversion.
 */
export const transactions = expensesSchema.table(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').$type<'income' | 'expense' | 'transfer'>().notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => moneyAccounts.id),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    toAccountId: uuid('to_account_id').references(() => moneyAccounts.id),
    toAmount: money('to_amount'),
    occurredOn: day('occurred_on').notNull(),
    payee: text('payee'),
    notes: text('notes'),
    tags: text('tags').array().notNull(),
    baseCurrency: text('base_currency').notNull(),
    baseAmount: money('base_amount').notNull(),
    fxRate: numeric('fx_rate', { precision: 24, scale: 10 }).notNull(),
    fxRateDate: day('fx_rate_date').notNull(),
    fxSource: text('fx_source').notNull(),
    /** Duplicate detection for CSV imports: a fingerprint of (account, date, amount, payee, n-th repeat in the file). */
    importFingerprint: text('import_fingerprint'),
    /** Set when a recurring series posted it. */
    recurringId: uuid('recurring_id'),
    /** A file of the files subgraph (by id only: another subgraph's data). */
    receiptFileId: uuid('receipt_file_id'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    index('transactions_owner_day_idx').on(table.ownerId, table.occurredOn.desc(), table.id.desc()),
    index('transactions_account_idx').on(table.accountId),
    index('transactions_to_account_idx').on(table.toAccountId),
    uniqueIndex('transactions_import_fingerprint_idx').on(table.accountId, table.importFingerprint),
    /** A series posts each occurrence once, however often (and on however many replicas) the job runs. */
    uniqueIndex('transactions_recurring_day_idx').on(table.recurringId, table.occurredOn),
    check('transactions_kind', sql`${table.kind} in ('income', 'expense', 'transfer')`),
    check('transactions_amount_positive', sql`${table.amount} > 0`),
    check('transactions_transfer_shape', sql`(${table.kind} = 'transfer') = (${table.toAccountId} is not null and ${table.toAmount} is not null)`),
  ],
);

/**
 * How a transaction's amount is spread over categories: at least one split per income or expense
 * (category null = uncategorised), summing to the transaction's amount; none for transfers. Owner,
 * kind and day are copied from the transaction so reports group splits without a join.
 */
export const transactionSplits = expensesSchema.table(
  'transaction_splits',
  {
    id: uuid('id').primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').$type<'income' | 'expense'>().notNull(),
    occurredOn: day('occurred_on').notNull(),
    position: integer('position').notNull(),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    amount: money('amount').notNull(),
    baseAmount: money('base_amount').notNull(),
    notes: text('notes'),
  },
  (table) => [
    index('transaction_splits_transaction_idx').on(table.transactionId, table.position),
    index('transaction_splits_owner_day_idx').on(table.ownerId, table.occurredOn, table.categoryId),
    index('transaction_splits_category_idx').on(table.categoryId),
  ],
);

/** Reference rates as a provider published them: units of `currency` per 1 EUR on `day`. */
export const exchangeRates = expensesSchema.table(
  'exchange_rates',
  {
    source: text('source').notNull(),
    day: day('day').notNull(),
    currency: text('currency').notNull(),
    perEur: numeric('per_eur', { precision: 24, scale: 10 }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.source, table.day, table.currency] })],
);

/** A spending limit for a category (and its subcategories) per month or week, in the base currency. */
export const budgets = expensesSchema.table(
  'budgets',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    period: text('period').$type<'monthly' | 'weekly'>().notNull(),
    amount: money('amount').notNull(),
    /** Unspent money of a period is added to the next one. */
    rollover: boolean('rollover').notNull(),
    /** The first day of the first period (a month's 1st or a Monday). */
    startsOn: day('starts_on').notNull(),
    /** Percentages at which an alert is raised, e.g. {80,100}. */
    thresholds: integer('thresholds').array().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('budgets_owner_category_period_idx').on(table.ownerId, table.categoryId, table.period),
    check('budgets_period', sql`${table.period} in ('monthly', 'weekly')`),
    check('budgets_amount_positive', sql`${table.amount} > 0`),
  ],
);

/** Thresholds already raised: one row per (budget, period, threshold) makes an alert fire once per period. */
export const budgetAlerts = expensesSchema.table(
  'budget_alerts',
  {
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    periodStart: day('period_start').notNull(),
    threshold: integer('threshold').notNull(),
    ownerId: uuid('owner_id').notNull(),
    spent: money('spent').notNull(),
    available: money('available').notNull(),
    raisedAt: instant('raised_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.budgetId, table.periodStart, table.threshold] }), index('budget_alerts_owner_idx').on(table.ownerId, table.raisedAt.desc())],
);

export type ExpenseSettingsRow = typeof expenseSettings.$inferSelect;
export type MoneyAccountRow = typeof moneyAccounts.$inferSelect;
export type CategoryRow = typeof categories.$inferSelect;
export type TransactionRow = typeof transactions.$inferSelect;
export type TransactionSplitRow = typeof transactionSplits.$inferSelect;
export type BudgetRow = typeof budgets.$inferSelect;
export type BudgetAlertRow = typeof budgetAlerts.$inferSelect;

/**
 * "When the payee (or the notes) matches, set the category and add tags." Applied in `position`
 * order on import and on demand: the first matching rule with a category sets it; tags of every
 * matching rule are added.
 */
export const rules = expensesSchema.table(
  'rules',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    field: text('field').$type<'payee' | 'notes' | 'any'>().notNull(),
    match: text('match').$type<'contains' | 'equals' | 'starts_with'>().notNull(),
    /** Lower case; matched case-insensitively. */
    pattern: text('pattern').notNull(),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull(),
    position: integer('position').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('rules_owner_position_idx').on(table.ownerId, table.position)],
);

export type RuleRow = typeof rules.$inferSelect;

/**
 * A transaction that repeats by an RFC 5545 rule (evaluated on calendar days, UTC) from `anchor_on`.
 * `next_on` is the first occurrence not posted yet (null once the rule has ended); the posting job
 * books every occurrence up to today and moves it on.
 */
export const recurringTransactions = expensesSchema.table(
  'recurring_transactions',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    rule: text('rule').notNull(),
    anchorOn: day('anchor_on').notNull(),
    nextOn: day('next_on'),
    kind: text('kind').$type<'income' | 'expense' | 'transfer'>().notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => moneyAccounts.id, { onDelete: 'cascade' }),
    toAccountId: uuid('to_account_id').references(() => moneyAccounts.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    payee: text('payee'),
    notes: text('notes'),
    tags: text('tags').array().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('recurring_owner_idx').on(table.ownerId), index('recurring_next_idx').on(table.nextOn)],
);

export type RecurringTransactionRow = typeof recurringTransactions.$inferSelect;
