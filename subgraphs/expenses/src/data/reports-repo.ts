import { sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { selectRows } from './raw-rows';
import { categories, moneyAccounts, transactions, transactionSplits } from './tables';

export type ReportStep = 'week' | 'month' | 'year';
const stepInterval = (step: ReportStep) => sql.raw(`interval '1 ${step}'`);
const truncated = (step: ReportStep, day: string) => sql`date_trunc(${step}, ${day}::date)`;

export interface PeriodTotalsRow {
  start: string;
  end: string;
  income: bigint;
  expense: bigint;
}

/**
 * Income and expenses per period between two days, in the base currency: every period from the one
 * containing `from` to the one containing `to` (empty ones as zeros), transfers left out.
 */
export async function incomeVsExpense(db: Db, ownerId: string, from: string, to: string, step: ReportStep): Promise<PeriodTotalsRow[]> {
  const rows = await selectRows<{ start: string; end: string; income: string; expense: string }>(
    db,
    sql`with periods as (
        select g::date as start, (g + ${stepInterval(step)})::date as end_
        from generate_series(${truncated(step, from)}, ${truncated(step, to)}, ${stepInterval(step)}) g
      ),
      sums as (
        select date_trunc(${step}, t.occurred_on)::date as start,
          sum(t.base_amount) filter (where t.kind = 'income') as income,
          sum(t.base_amount) filter (where t.kind = 'expense') as expense
        from ${transactions} t
        where t.owner_id = ${ownerId} and t.kind <> 'transfer' and t.occurred_on >= ${from}::date and t.occurred_on <= ${to}::date
        group by 1
      )
      select p.start::text as start, (p.end_ - 1)::text as end, coalesce(s.income, 0)::text as income, coalesce(s.expense, 0)::text as expense
      from periods p left join sums s on s.start = p.start order by p.start`,
  );
  return rows.map((row) => ({ start: row.start, end: row.end, income: BigInt(row.income), expense: BigInt(row.expense) }));
}

export interface CategorySpendingRow {
  categoryId: string | null;
  /** Booked to the category itself. */
  direct: bigint;
  /** The category and all its subcategories. */
  total: bigint;
}

/**
 * Expenses per category between two days, in the base currency: what was booked to each category
 * and what its whole subtree adds up to (a recursive walk from every category to its descendants),
 * plus one row without a category for uncategorised splits. Categories with nothing spent are left out.
 */
export async function spendingByCategory(db: Db, ownerId: string, from: string, to: string): Promise<CategorySpendingRow[]> {
  const rows = await selectRows<{ category_id: string | null; direct: string; total: string }>(
    db,
    sql`with recursive
      direct as (
        select s.category_id, sum(s.base_amount) as amount from ${transactionSplits} s
        where s.owner_id = ${ownerId} and s.kind = 'expense' and s.occurred_on >= ${from}::date and s.occurred_on <= ${to}::date
        group by s.category_id
      ),
      tree(ancestor, id) as (
        select c.id, c.id from ${categories} c where c.owner_id = ${ownerId}
        union all
        select tree.ancestor, c.id from ${categories} c join tree on c.parent_id = tree.id
      ),
      totals as (
        select tree.ancestor as category_id, sum(d.amount) as total from tree join direct d on d.category_id = tree.id group by tree.ancestor
      )
      select r.category_id, r.direct::text as direct, r.total::text as total from (
        select t.category_id, coalesce(d.amount, 0) as direct, t.total from totals t left join direct d on d.category_id = t.category_id
        union all
        select null, d.amount, d.amount from direct d where d.category_id is null
      ) r order by r.total desc, r.category_id`,
  );
  return rows.map((row) => ({ categoryId: row.category_id, direct: BigInt(row.direct), total: BigInt(row.total) }));
}

export interface AccountBalanceAtRow {
  day: string;
  currency: string;
  balance: bigint;
}

/**
 * Each period's closing balance per currency (the sum of the owner's accounts in it): opening
 * balances plus every movement (income, expenses, transfers out and in) up to the period's last
 * day, in the accounts' own currency: the movements are read once, summed per day, and a running
 * (window) sum per currency is sampled at each period end. MATERIALIZED: PostgreSQL would inline a
 * CTE used once into the correlated lookup and recompute the window per period end.
 */
export async function balancesAtPeriodEnds(db: Db, ownerId: string, from: string, to: string, step: ReportStep): Promise<AccountBalanceAtRow[]> {
  const rows = await selectRows<{ day: string; currency: string; balance: string }>(
    db,
    sql`with ends as (
        select least((g + ${stepInterval(step)})::date - 1, ${to}::date) as day
        from generate_series(${truncated(step, from)}, ${truncated(step, to)}, ${stepInterval(step)}) g
      ),
      movements as (
        select a.currency, t.occurred_on as day, case when t.kind = 'income' then t.amount else -t.amount end as amount
        from ${transactions} t join ${moneyAccounts} a on a.id = t.account_id where t.owner_id = ${ownerId}
        union all
        select a.currency, t.occurred_on, t.to_amount from ${transactions} t join ${moneyAccounts} a on a.id = t.to_account_id where t.owner_id = ${ownerId} and t.kind = 'transfer'
      ),
      currencies as (select currency, sum(opening_balance) as opening from ${moneyAccounts} where owner_id = ${ownerId} group by currency),
      daily as materialized (select currency, day, sum(amount) as amount from movements group by currency, day),
      running as materialized (select currency, day, sum(amount) over (partition by currency order by day) as total from daily)
      select e.day::text as day, c.currency,
        (c.opening + coalesce((select r.total from running r where r.currency = c.currency and r.day <= e.day order by r.day desc limit 1), 0))::text as balance
      from ends e cross join currencies c order by e.day, c.currency`,
  );
  return rows.map((row) => ({ day: row.day, currency: row.currency, balance: BigInt(row.balance) }));
}
