import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { selectRows } from './raw-rows';
import { budgetAlerts, budgets, categories, transactionSplits, type BudgetAlertRow, type BudgetRow } from './tables';

export async function insertBudget(db: Db, row: BudgetRow): Promise<BudgetRow> {
  const [inserted] = await db.insert(budgets).values(row).returning();
  return inserted!;
}

export async function updateBudgetRow(db: Db, id: string, changes: Partial<Pick<BudgetRow, 'amount' | 'rollover' | 'thresholds'>>): Promise<BudgetRow | null> {
  const [updated] = await db.update(budgets).set(changes).where(eq(budgets.id, id)).returning();
  return updated ?? null;
}

export async function deleteBudgetRow(db: Db, id: string): Promise<void> {
  await db.delete(budgets).where(eq(budgets.id, id));
}

export function findBudgetsOfOwners(db: Db, ownerIds: readonly string[]): Promise<BudgetRow[]> {
  return db.select().from(budgets).where(inArray(budgets.ownerId, [...ownerIds])).orderBy(asc(budgets.createdAt), asc(budgets.id));
}

export function findBudgetsByIds(db: Db, ids: readonly string[]): Promise<BudgetRow[]> {
  return db.select().from(budgets).where(inArray(budgets.id, [...ids]));
}

/** A budget's period containing a day: what was budgeted, carried over from earlier periods, and spent. */
export interface BudgetStatusRow {
  budgetId: string;
  start: string;
  end: string;
  budgeted: bigint;
  rolledOver: bigint;
  spent: bigint;
}

/**
 * The status of many budgets for the period containing `day`, in one statement: each budget's
 * periods from its start (generate_series), the base-currency expense splits of its category and
 * every subcategory per period, and — recursively, period after period — the unspent money carried
 * into the next one when the budget rolls over (overspending is not carried: a new period starts
 * from its own amount). A budget that starts after `day` has no row.
 */
export async function findBudgetStatuses(db: Db, budgetIds: readonly string[], day: string): Promise<BudgetStatusRow[]> {
  if (budgetIds.length === 0) return [];
  const ids = sql.join(budgetIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await selectRows<{ budget_id: string; start: string; end: string; budgeted: string; rolled: string; spent: string }>(
    db,
    sql`with recursive
      b as (
        select id, owner_id, category_id, amount, rollover, starts_on,
          case when period = 'monthly' then interval '1 month' else interval '1 week' end as step,
          (case when period = 'monthly' then date_trunc('month', ${day}::date) else date_trunc('week', ${day}::date) end)::date as target
        from ${budgets} where id in (${ids})
      ),
      tree(budget_id, category_id) as (
        select b.id, b.category_id from b
        union all
        select tree.budget_id, c.id from ${categories} c join tree on c.parent_id = tree.category_id
      ),
      periods as (
        select b.id as budget_id, g::date as start, (g + b.step)::date as end_, row_number() over (partition by b.id order by g) as n
        from b cross join lateral generate_series(b.starts_on::timestamp, b.target::timestamp, b.step) g
      ),
      spent as (
        select p.budget_id, p.n, p.start, p.end_, coalesce(sum(s.base_amount), 0)::bigint as spent
        from periods p
        join b on b.id = p.budget_id
        left join ${transactionSplits} s on s.owner_id = b.owner_id and s.kind = 'expense' and s.occurred_on >= p.start and s.occurred_on < p.end_
          and s.category_id in (select t.category_id from tree t where t.budget_id = p.budget_id)
        group by p.budget_id, p.n, p.start, p.end_
      ),
      roll(budget_id, n, start, end_, spent, budgeted, rolled) as (
        select s.budget_id, s.n, s.start, s.end_, s.spent, b.amount, 0::bigint from spent s join b on b.id = s.budget_id where s.n = 1
        union all
        select s.budget_id, s.n, s.start, s.end_, s.spent, r.budgeted,
          case when b.rollover then greatest(r.budgeted + r.rolled - r.spent, 0)::bigint else 0::bigint end
        from roll r join spent s on s.budget_id = r.budget_id and s.n = r.n + 1 join b on b.id = r.budget_id
      )
    select r.budget_id, r.start::text as start, (r.end_ - 1)::text as end, r.budgeted::text as budgeted, r.rolled::text as rolled, r.spent::text as spent
    from roll r join b on b.id = r.budget_id where r.start = b.target`,
  );
  return rows.map((row) => ({ budgetId: row.budget_id, start: row.start, end: row.end, budgeted: BigInt(row.budgeted), rolledOver: BigInt(row.rolled), spent: BigInt(row.spent) }));
}

/** Records thresholds crossed; returns only those not raised before for their budget and period. */
export async function recordAlerts(tx: Db, alerts: readonly BudgetAlertRow[]): Promise<BudgetAlertRow[]> {
  if (alerts.length === 0) return [];
  return tx.insert(budgetAlerts).values([...alerts]).onConflictDoNothing().returning();
}

export function findRecentAlerts(db: Db, ownerId: string, limit: number): Promise<BudgetAlertRow[]> {
  return db.select().from(budgetAlerts).where(and(eq(budgetAlerts.ownerId, ownerId))).orderBy(sql`${budgetAlerts.raisedAt} desc`).limit(limit);
}

/** The owner's budgets, locked until the caller's transaction ends (threshold checks serialise per owner). */
export function lockBudgetsOf(tx: Db, ownerId: string): Promise<BudgetRow[]> {
  return tx.select().from(budgets).where(eq(budgets.ownerId, ownerId)).orderBy(asc(budgets.id)).for('update');
}
