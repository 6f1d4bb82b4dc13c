import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { rules, transactions, transactionSplits, type RuleRow } from './tables';

export async function insertRule(db: Db, row: RuleRow): Promise<RuleRow> {
  const [inserted] = await db.insert(rules).values(row).returning();
  return inserted!;
}

export async function deleteRuleRow(db: Db, id: string): Promise<void> {
  await db.delete(rules).where(eq(rules.id, id));
}

export function findRulesOfOwners(db: Db, ownerIds: readonly string[]): Promise<RuleRow[]> {
  return db.select().from(rules).where(inArray(rules.ownerId, [...ownerIds])).orderBy(asc(rules.position), asc(rules.id));
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function matchCondition(rule: RuleRow) {
  const pattern = rule.match === 'equals' ? likeEscaped(rule.pattern) : rule.match === 'starts_with' ? `${likeEscaped(rule.pattern)}%` : `%${likeEscaped(rule.pattern)}%`;
  const on = (column: ReturnType<typeof sql>) => sql`lower(coalesce(${column}, '')) like ${pattern}`;
  const payee = on(sql`t.payee`);
  const notes = on(sql`t.notes`);
  return rule.field === 'payee' ? payee : rule.field === 'notes' ? notes : sql`(${payee} or ${notes})`;
}

/**
 * Applies one rule to the owner's transactions in two statements: uncategorised single-split
 * income and expenses that match get its category; matching transactions get its tags (no
 * repeats). Returns the ids of transactions it changed.
 */
export async function applyRuleInSql(tx: Db, ownerId: string, rule: RuleRow): Promise<string[]> {
  const changed = new Set<string>();
  if (rule.categoryId) {
    const rows = await tx.execute(sql`update ${transactionSplits} s set category_id = ${rule.categoryId}
      from ${transactions} t
      where s.transaction_id = t.id and t.owner_id = ${ownerId} and s.category_id is null and ${matchCondition(rule)}
        and (select count(*) from ${transactionSplits} o where o.transaction_id = t.id) = 1
      returning t.id`);
    for (const row of rowsOf(rows)) changed.add(row.id);
  }
  if (rule.tags.length > 0) {
    const tags = sql`${`{${rule.tags.map((tag) => `"${tag.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
    const rows = await tx.execute(sql`update ${transactions} t set tags = (select array_agg(distinct x order by x) from unnest(t.tags || ${tags}) x)
      where t.owner_id = ${ownerId} and t.kind <> 'transfer' and ${matchCondition(rule)} and not (t.tags @> ${tags})
      returning t.id`);
    for (const row of rowsOf(rows)) changed.add(row.id);
  }
  return [...changed];
}

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
