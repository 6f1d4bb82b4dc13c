import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError, ConflictError, encodeId, isUniqueViolation, refreshLoaders, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import type { TransactionRow, TransactionSplitRow } from '../../data/tables';
import { findExistingFingerprints, insertTransactionsWithSplits } from '../../data/transactions-repo';
import { raiseCrossedThresholds } from '../budgets';
import { ownAccount, prepareTransaction } from '../prepare-transaction';
import { matchRules, ownRules } from '../rules';
import { booksOf } from '../transactions';
import { parseStatement, type RowError } from './csv-rows';

/** A broken row fails the whole import: the error lists every broken row (`extensions.rowErrors`). */
export class CsvRowsError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(rowErrors: readonly RowError[]) {
    super(
      `input.csv: ${rowErrors.length} row(s) cannot be imported (first: line ${rowErrors[0]!.line}${rowErrors[0]!.column ? `, column "${rowErrors[0]!.column}"` : ''}: ${rowErrors[0]!.message}). Nothing was imported; fix them (see extensions.rowErrors) or preview again.`,
      { field: 'input.csv', rowErrors },
      'BAD_USER_INPUT',
    );
  }
}

const importInput = z.object({
  accountId: z.string(),
  csv: z.string().max(1_000_000, 'must be at most 1,000,000 characters; split the file'),
  mapping: z.object({ date: z.string().min(1), amount: z.string().nullish(), debit: z.string().nullish(), credit: z.string().nullish(), payee: z.string().nullish(), notes: z.string().nullish() }),
  dateFormat: z.enum(['YYYY_MM_DD', 'DD_MM_YYYY', 'MM_DD_YYYY', 'DD_DOT_MM_DOT_YYYY']).nullish(),
  decimalSeparator: z.enum(['DOT', 'COMMA']).nullish(),
  delimiter: z.string().length(1, 'must be one character, e.g. "," or ";"').nullish(),
});

export interface PlannedRow {
  line: number;
  occurredOn: string | null;
  kind: 'income' | 'expense' | null;
  amount: bigint | null;
  payee: string | null;
  notes: string | null;
  categoryId: string | null;
  tags: string[];
  duplicate: boolean;
  error: RowError | null;
}

export interface ImportPlan {
  ownerId: string;
  accountId: string;
  rows: PlannedRow[];
  fingerprints: Map<number, string>;
}

type ImportContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'rates' | 'events'>;

/**
 * Parses and checks a statement without writing: every row with its values, the category and
 * tags rules give it, whether it is already imported (a duplicate), or its error.
 */
export async function planImport(ctx: ImportContext, input: unknown, scope: 'expenses:read' | 'expenses:write'): Promise<ImportPlan> {
  const ownerId = ctx.auth.require(scope).userId;
  const values = validate(importInput, input);
  const account = await ownAccount(ctx, ownerId, values.accountId, 'input.accountId');
  const results = parseStatement(values.csv, {
    mapping: values.mapping,
    dateFormat: values.dateFormat ?? 'YYYY_MM_DD',
    decimalSeparator: values.decimalSeparator ?? 'DOT',
    delimiter: values.delimiter ?? ',',
    currency: account.currency,
  });
  // Identical rows in one file (two coffees on a day) are both real: the n-th repeat has its own fingerprint.
  const repeats = new Map<string, number>();
  const fingerprints = new Map<number, string>();
  for (const result of results) {
    if (!result.ok) continue;
    const { row } = result;
    const key = [row.occurredOn, row.kind, row.amount, (row.payee ?? '').toLowerCase().replace(/\s+/g, ' ')].join('|');
    const n = (repeats.get(key) ?? 0) + 1;
    repeats.set(key, n);
    fingerprints.set(row.line, createHash('sha256').update(`${key}|${n}`).digest('hex'));
  }
  const existing = await findExistingFingerprints(ctx.db, account.id, [...fingerprints.values()]);
  const rules = await ownRules(ctx);
  const rows = results.map((result): PlannedRow => {
    if (!result.ok) return { line: result.error.line, occurredOn: null, kind: null, amount: null, payee: null, notes: null, categoryId: null, tags: [], duplicate: false, error: result.error };
    const { row } = result;
    const matched = matchRules(rules, row.payee, row.notes);
    return { ...row, categoryId: matched.categoryId, tags: matched.tags, duplicate: existing.has(fingerprints.get(row.line)!), error: null };
  });
  return { ownerId, accountId: account.id, rows, fingerprints };
}

export interface ImportResult {
  imported: number;
  skippedDuplicates: number;
}

/**
 * Imports a statement in one transaction — every new row, or (when any row is broken) none —
 * skipping rows imported before. Budget thresholds crossed by the imported expenses are raised.
 */
export async function importStatement(ctx: ImportContext, input: unknown): Promise<ImportResult> {
  const plan = await planImport(ctx, input, 'expenses:write');
  const errors = plan.rows.flatMap((row) => (row.error ? [row.error] : []));
  if (errors.length > 0) throw new CsvRowsError(errors);
  const fresh = plan.rows.filter((row) => !row.duplicate);
  const books = await booksOf(ctx, plan.ownerId);
  const now = ctx.now();
  const transactions: TransactionRow[] = [];
  const splits: TransactionSplitRow[] = [];
  for (const row of fresh) {
    const prepared = await prepareTransaction(
      ctx,
      books,
      {
        kind: row.kind!,
        accountId: encodeId('MoneyAccount', plan.accountId),
        amount: row.amount!,
        occurredOn: row.occurredOn!,
        payee: row.payee,
        notes: row.notes,
        tags: row.tags,
        categoryId: row.categoryId ? encodeId('ExpenseCategory', row.categoryId) : null,
        splits: null,
        toAccountId: null,
        toAmount: null,
      },
      { id: uuidv7(now.getTime()), createdAt: now },
      `input.csv line ${row.line}`,
    );
    transactions.push({ ...prepared.row, importFingerprint: plan.fingerprints.get(row.line)! });
    splits.push(...prepared.splits);
  }
  try {
    await ctx.db.transaction(async (tx) => {
      await insertTransactionsWithSplits(tx, transactions, splits);
      const expenseDays = [...new Set(transactions.filter((t) => t.kind === 'expense').map((t) => t.occurredOn))];
      await raiseCrossedThresholds(ctx, tx, plan.ownerId, expenseDays);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('Some of these rows were imported meanwhile (another import of the same file?); preview again.');
    throw error;
  }
  refreshLoaders(ctx.loaders);
  return { imported: transactions.length, skippedDuplicates: plan.rows.length - fresh.length };
}
