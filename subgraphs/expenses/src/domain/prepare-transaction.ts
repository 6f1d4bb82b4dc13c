import { decodeId, UserInputError, uuidv7 } from '@mosaic/kit';
import type { Context } from '../context';
import type { CategoryRow, MoneyAccountRow, TransactionRow, TransactionSplitRow } from '../data/tables';
import { convertMinor } from './fx/convert';
import type { RateBook } from './fx/rate-book';
import type { TransactionValues } from './transaction-input';

/** What a transaction is checked against: the owner's accounts and categories, and their base currency. */
export interface Books {
  ownerId: string;
  baseCurrency: string;
  categories: ReadonlyMap<string, CategoryRow>;
  rates: RateBook;
}

type Loaded = Pick<Context, 'loaders'>;

/** The caller's account behind a public id, or BAD_USER_INPUT at `field` (someone else's is "not yours", never "exists"). */
export async function ownAccount(ctx: Loaded, ownerId: string, publicId: string, field: string, message = 'is not one of your accounts.'): Promise<MoneyAccountRow> {
  const row = await ctx.loaders.moneyAccountById.load(decodeId('MoneyAccount', publicId, field));
  if (!row || row.ownerId !== ownerId) throw new UserInputError(`${field}: ${message}`, field);
  return row;
}

/**
 * Checks a transaction against the owner's books and builds its rows: the transaction (converted
 * into the base currency at the day's rate, the rate kept with it) and its splits (whose base
 * amounts add up to the transaction's exactly). Changes nothing.
 */
export async function prepareTransaction(
  ctx: Loaded,
  books: Books,
  values: TransactionValues,
  identity: { id: string; createdAt: Date },
  field = 'input',
): Promise<{ row: TransactionRow; splits: TransactionSplitRow[] }> {
  const account = await ownAccount(ctx, books.ownerId, values.accountId, `${field}.accountId`);
  let toAccountId: string | null = null;
  let toAmount: bigint | null = null;
  if (values.kind === 'transfer') {
    if (!values.toAccountId) throw new UserInputError(`${field}.toAccountId: a transfer needs the account that receives the money.`, `${field}.toAccountId`);
    const to = await ownAccount(ctx, books.ownerId, values.toAccountId, `${field}.toAccountId`, 'is not one of your accounts; transfers move money between your own accounts only.');
    if (to.id === account.id) throw new UserInputError(`${field}.toAccountId: a transfer needs two different accounts.`, `${field}.toAccountId`);
    if (values.categoryId || values.splits) throw new UserInputError(`${field}.splits: transfers have no categories.`, `${field}.splits`);
    if (to.currency === account.currency) {
      if (values.toAmount != null && values.toAmount !== values.amount) {
        throw new UserInputError(`${field}.toAmount: both accounts are in ${account.currency}; what arrives is the amount sent (omit toAmount).`, `${field}.toAmount`);
      }
      toAmount = values.amount;
    } else {
      toAmount = values.toAmount ?? convertMinor(values.amount, account.currency, to.currency, (await books.rates.rate(account.currency, to.currency, values.occurredOn)).scaled);
    }
    toAccountId = to.id;
  } else if (values.toAccountId || values.toAmount != null) {
    throw new UserInputError(`${field}.toAccountId: only transfers have a receiving account.`, `${field}.toAccountId`);
  }
  if (values.categoryId && values.splits) throw new UserInputError(`${field}.categoryId: give either categoryId or splits, not both.`, `${field}.categoryId`);

  const category = (publicId: string | null | undefined, at: string): string | null => {
    if (!publicId) return null;
    const id = decodeId('ExpenseCategory', publicId, at);
    if (!books.categories.has(id)) throw new UserInputError(`${at}: is not one of your categories.`, at);
    return id;
  };
  const parts =
    values.kind === 'transfer'
      ? []
      : values.splits
        ? values.splits.map((split, i) => ({ categoryId: category(split.categoryId, `${field}.splits.${i}.categoryId`), amount: split.amount, notes: split.notes ?? null }))
        : [{ categoryId: category(values.categoryId, `${field}.categoryId`), amount: values.amount, notes: null }];
  const total = parts.reduce((sum, part) => sum + part.amount, 0n);
  if (values.splits && total !== values.amount) {
    throw new UserInputError(`${field}.splits: the parts add up to ${total}, not the amount ${values.amount}.`, `${field}.splits`);
  }

  const rate = await books.rates.rate(account.currency, books.baseCurrency, values.occurredOn);
  const baseAmount = convertMinor(values.amount, account.currency, books.baseCurrency, rate.scaled);
  const row: TransactionRow = {
    id: identity.id,
    ownerId: books.ownerId,
    kind: values.kind,
    accountId: account.id,
    amount: values.amount,
    currency: account.currency,
    toAccountId,
    toAmount,
    occurredOn: values.occurredOn,
    payee: values.payee ?? null,
    notes: values.notes ?? null,
    tags: values.tags,
    baseCurrency: books.baseCurrency,
    baseAmount,
    fxRate: rate.text,
    fxRateDate: rate.day,
    fxSource: rate.source,
    importFingerprint: null,
    recurringId: null,
    receiptFileId: null,
    createdAt: identity.createdAt,
  };
  const baseParts = spread(baseAmount, parts.map((part) => part.amount));
  const splits: TransactionSplitRow[] = parts.map((part, position) => ({
    id: uuidv7(identity.createdAt.getTime()),
    transactionId: identity.id,
    ownerId: books.ownerId,
    kind: values.kind as 'income' | 'expense',
    occurredOn: values.occurredOn,
    position,
    categoryId: part.categoryId,
    amount: part.amount,
    baseAmount: baseParts[position]!,
    notes: part.notes,
  }));
  return { row, splits };
}

/**
 * A transaction's base amount over its parts: floor(total × part / sum), the remainder on the first
 * part — the same rule as the SQL that re-converts (`writeConversions`), so parts always add up.
 */
export function spread(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (total * weight) / sum);
  shares[0]! += total - shares.reduce((a, b) => a + b, 0n);
  return shares;
}
