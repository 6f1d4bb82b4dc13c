import { and, arrayContains, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { categories, transactions, transactionSplits } from './tables';

/** A decoded `TransactionFilter`: raw ids, validated days. */
export interface TransactionQuery {
  from?: string | undefined;
  to?: string | undefined;
  accountId?: string | undefined;
  categoryId?: string | undefined;
  kind?: 'income' | 'expense' | 'transfer' | undefined;
  search?: string | undefined;
  tags?: string[] | undefined;
}

/** `%`, `_` and `\` in the user's text match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The category and every category below it (a recursive walk of the owner's tree). */
export const categoryAndDescendants = (ownerId: string, categoryId: string) => sql`(
  with recursive tree as (
    select ${categories.id} as id from ${categories} where ${categories.id} = ${categoryId} and ${categories.ownerId} = ${ownerId}
    union all
    select c.id from ${categories} c join tree on c.parent_id = tree.id
  ) select id from tree)`;

/** The WHERE of a transaction list: the owner's rows matching every part of the filter. */
export function transactionConditions(ownerId: string, filter: TransactionQuery): SQL {
  return and(
    eq(transactions.ownerId, ownerId),
    filter.from ? gte(transactions.occurredOn, filter.from) : undefined,
    filter.to ? lte(transactions.occurredOn, filter.to) : undefined,
    filter.accountId ? or(eq(transactions.accountId, filter.accountId), eq(transactions.toAccountId, filter.accountId)) : undefined,
    filter.kind ? eq(transactions.kind, filter.kind) : undefined,
    filter.search ? or(ilike(transactions.payee, likePattern(filter.search)), ilike(transactions.notes, likePattern(filter.search))) : undefined,
    filter.tags?.length ? arrayContains(transactions.tags, filter.tags) : undefined,
    filter.categoryId
      ? sql`exists (select 1 from ${transactionSplits} s where s.transaction_id = ${transactions.id} and s.category_id in ${categoryAndDescendants(ownerId, filter.categoryId)})`
      : undefined,
  )!;
}
