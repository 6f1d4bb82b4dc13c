import { eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { expenseSettings, type ExpenseSettingsRow } from './tables';

export async function findSettings(db: Db, ownerId: string): Promise<ExpenseSettingsRow | null> {
  const [row] = await db.select().from(expenseSettings).where(eq(expenseSettings.ownerId, ownerId));
  return row ?? null;
}

export async function upsertSettings(db: Db, row: ExpenseSettingsRow): Promise<ExpenseSettingsRow> {
  const [saved] = await db
    .insert(expenseSettings)
    .values(row)
    .onConflictDoUpdate({ target: expenseSettings.ownerId, set: { baseCurrency: row.baseCurrency, updatedAt: row.updatedAt } })
    .returning();
  return saved!;
}
