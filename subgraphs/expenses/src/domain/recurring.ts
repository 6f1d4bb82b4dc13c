import { z } from 'zod';
import { ConflictError, decodeId, encodeId, refreshLoaders, UserInputError, uuidv7, validate, type Db, type Logger } from '@mosaic/kit';
import { occurrencesAfter, parseRecurrence, startSeries, storedRecurrence } from '@mosaic/recurrence';
import type { Context } from '../context';
import { createLoaders } from '../data/loaders';
import { deleteRecurringRow, insertRecurring, lockDueSeries, setNextOn } from '../data/recurring-repo';
import type { RecurringTransactionRow, TransactionRow } from '../data/tables';
import { insertTransactionWithSplits } from '../data/transactions-repo';
import type { ExpensesOutbox } from '../events';
import { raiseCrossedThresholds } from './budgets';
import { dayInput, dayOf } from './days';
import type { RateBook } from './fx/rate-book';
import { memoised } from './fx/rate-book';
import { prepareTransaction, type Books } from './prepare-transaction';
import { baseCurrencyOf } from './settings';
import { findCategoriesOfOwners } from '../data/categories-repo';
import { booksOf } from './transactions';
import { transactionInput } from './transaction-input';

export const MAX_SERIES = 200;
/** Occurrences one series posts per run at most (a year of daily ones); the next run continues. */
const MAX_CATCH_UP = 366;

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

const createInput = z.object({
  rule: z.string().transform((text, ctx) => {
    const parsed = parseRecurrence(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }
    return parsed.rule;
  }),
  startsOn: dayInput,
  transaction: z.unknown(),
});

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'rates'>;

export async function ownRecurring(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<RecurringTransactionRow[]> {
  const viewer = ctx.auth.require('expenses:read');
  return ctx.loaders.recurringOf.load(viewer.userId);
}

/**
 * A series: the rule (RRULE, e.g. "FREQ=MONTHLY;BYMONTHDAY=1"), its first day, and the
 * transaction each occurrence books (checked like one, without a date). Splits are not repeated.
 */
export async function createRecurring(ctx: WriteContext, input: unknown): Promise<RecurringTransactionRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(createInput, input);
  const template = validate(transactionInput, { ...(values.transaction as object), occurredOn: values.startsOn }, 'input.transaction');
  if (template.splits) throw new UserInputError('input.transaction.splits: recurring transactions book one category; split them after posting.', 'input.transaction.splits');
  if ((await ownRecurring(ctx)).length >= MAX_SERIES) throw new ConflictError(`You already have ${MAX_SERIES} recurring transactions, the most one user may keep.`);
  const now = ctx.now();
  // Checked against the books now, as a transaction on the first day would be.
  const { row } = await prepareTransaction(ctx, await booksOf(ctx, ownerId), template, { id: uuidv7(now.getTime()), createdAt: now }, 'input.transaction');
  const start = startSeries(values.rule, midnight(values.startsOn), now);
  if (!start.ok) throw new UserInputError(`input.rule: ${start.problem}.`, 'input.rule');
  const saved = await insertRecurring(ctx.db, {
    id: uuidv7(now.getTime()),
    ownerId,
    rule: values.rule.text,
    anchorOn: values.startsOn,
    nextOn: values.startsOn,
    kind: row.kind,
    accountId: row.accountId,
    toAccountId: row.toAccountId,
    amount: row.amount,
    categoryId: template.categoryId ? decodeId('ExpenseCategory', template.categoryId) : null,
    payee: row.payee,
    notes: row.notes,
    tags: row.tags,
    createdAt: now,
  });
  refreshLoaders(ctx.loaders);
  return saved;
}

export async function deleteRecurring(ctx: WriteContext, id: string): Promise<string | null> {
  ctx.auth.require('expenses:write');
  if (!(await ownRecurring(ctx)).some((row) => row.id === id)) return null;
  await deleteRecurringRow(ctx.db, id);
  refreshLoaders(ctx.loaders);
  return id;
}

/** The next `first` days the series will post on (the first not posted yet, then later ones). */
export function upcomingDays(series: RecurringTransactionRow, first: number | null | undefined): string[] {
  const limit = first ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new UserInputError('"first" must be between 1 and 50.', 'first');
  if (!series.nextOn) return [];
  return occurrencesOf(series, series.nextOn, limit, true);
}

/** Occurrences from `fromDay` (inclusive when `inclusive`), as days. */
function occurrencesOf(series: RecurringTransactionRow, fromDay: string, limit: number, inclusive: boolean): string[] {
  const rule = storedRecurrence(series.rule);
  const after = new Date(midnight(fromDay).getTime() - (inclusive ? 1 : 0));
  return occurrencesAfter(rule, midnight(series.anchorOn), after, limit).map(dayOf);
}

export interface PostingDeps {
  db: Db;
  rates: RateBook;
  events: ExpensesOutbox;
  now: () => Date;
  log: Logger;
}

/**
 * The posting job: every series with an occurrence due by today books it (and any it missed, up to
 * a year per run), in one transaction per series with the move of `next_on` — an occurrence is
 * posted once (also a unique index), budget thresholds it crosses are raised. A day's rate missing
 * from the cache is fetched inside that transaction (the job is not a request; nobody waits). Returns how many
 * transactions were posted.
 */
export async function postDueRecurring(deps: PostingDeps): Promise<number> {
  const today = dayOf(deps.now());
  let posted = 0;
  // A series that cannot post (its template no longer fits the books) is skipped for this run, not retried in a loop.
  const failed: string[] = [];
  for (;;) {
    let current: string | null = null;
    const done = await deps.db.transaction(async (tx) => {
      const [series] = await lockDueSeries(tx, today, failed);
      if (!series) return true;
      current = series.id;
      const days: string[] = [];
      for (let day = series.nextOn; day && day <= today && days.length < MAX_CATCH_UP; ) {
        days.push(day);
        day = occurrencesOf(series, day, 1, false)[0] ?? null;
      }
      const next = occurrencesOf(series, days.at(-1)!, 1, false)[0] ?? null;
      const ctx = { loaders: createLoaders(tx) };
      const books: Books = {
        ownerId: series.ownerId,
        baseCurrency: await baseCurrencyOf({ db: tx }, series.ownerId),
        categories: new Map((await findCategoriesOfOwners(tx, [series.ownerId])).map((row) => [row.id, row])),
        rates: memoised(deps.rates),
      };
      const rows: TransactionRow[] = [];
      for (const day of days) {
        const now = deps.now();
        const { row, splits } = await prepareTransaction(
          ctx,
          books,
          {
            kind: series.kind,
            accountId: encodeId('MoneyAccount', series.accountId),
            toAccountId: series.toAccountId ? encodeId('MoneyAccount', series.toAccountId) : null,
            amount: series.amount,
            toAmount: null,
            occurredOn: day,
            payee: series.payee,
            notes: series.notes,
            tags: series.tags,
            categoryId: series.categoryId && books.categories.has(series.categoryId) ? encodeId('ExpenseCategory', series.categoryId) : null,
            splits: null,
          },
          { id: uuidv7(now.getTime()), createdAt: now },
        );
        rows.push(await insertTransactionWithSplits(tx, { ...row, recurringId: series.id }, splits));
      }
      await setNextOn(tx, series.id, next);
      const expenseDays = rows.filter((row) => row.kind === 'expense').map((row) => row.occurredOn);
      await raiseCrossedThresholds({ events: deps.events, now: deps.now }, tx, series.ownerId, expenseDays);
      posted += rows.length;
      return false;
    }).catch((error: unknown) => {
      if (!current) throw error;
      deps.log.warn({ err: error, recurringId: current }, 'a recurring transaction could not be posted; skipped until the next run');
      failed.push(current);
      return false;
    });
    if (done) return posted;
  }
}

/** Runs the job now and every `intervalMs`; a failing run is logged and retried at the next tick. */
export function startRecurringJob(deps: PostingDeps, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= postDueRecurring(deps)
      .then((posted) => void (posted > 0 && deps.log.info({ posted }, 'posted recurring transactions')))
      .catch((error: unknown) => deps.log.warn({ err: error }, 'posting recurring transactions failed; retrying at the next run'))
      .finally(() => (running = null));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  setImmediate(run);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
