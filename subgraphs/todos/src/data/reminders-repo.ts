import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { reminders, type ReminderRow } from './tables';

export async function insertReminder(db: Db, reminder: ReminderRow): Promise<ReminderRow> {
  const [row] = await db.insert(reminders).values(reminder).returning();
  return row!;
}

/** The owner's reminders on each todo, soonest first (fired ones last). */
export async function findRemindersOf(db: Db, ownerId: string, todoIds: readonly string[]): Promise<ReminderRow[]> {
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.ownerId, ownerId), inArray(reminders.todoId, [...todoIds])))
    .orderBy(asc(reminders.todoId), sql`${reminders.fireAt} asc nulls last`, asc(reminders.id));
}

export async function deleteOwnReminder(db: Db, ownerId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(reminders)
    .where(and(eq(reminders.id, id), eq(reminders.ownerId, ownerId)))
    .returning({ id: reminders.id });
  return rows.length === 1;
}

/**
 * Relative reminders follow their todo's due date: when it moves (edited, or rolled on by a
 * completion) they are armed again for the new date; with no due date, or done, they rest.
 */
export async function rescheduleRelativeReminders(db: Db, todoId: string, dueAt: Date | null): Promise<void> {
  await db
    .update(reminders)
    .set({ fireAt: dueAt ? sql`${dueAt.toISOString()}::timestamptz - make_interval(mins => ${reminders.offsetMinutes})` : null, firedAt: null })
    .where(and(eq(reminders.todoId, todoId), isNotNull(reminders.offsetMinutes)));
}

/** A done todo reminds nobody. */
export async function disarmReminders(db: Db, todoId: string): Promise<void> {
  await db.update(reminders).set({ fireAt: null }).where(eq(reminders.todoId, todoId));
}

/** Due reminders, locked so that a concurrent scheduler (another replica) skips them: each fires once. */
export async function lockDueReminders(db: Db, now: Date, limit: number): Promise<ReminderRow[]> {
  return db
    .select()
    .from(reminders)
    .where(and(isNotNull(reminders.fireAt), lte(reminders.fireAt, now)))
    .orderBy(asc(reminders.fireAt), asc(reminders.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markFired(db: Db, id: string, now: Date): Promise<ReminderRow> {
  const [row] = await db.update(reminders).set({ fireAt: null, firedAt: now }).where(eq(reminders.id, id)).returning();
  return row!;
}

export async function deleteRemindersOf(db: Db, ownerId: string): Promise<void> {
  await db.delete(reminders).where(eq(reminders.ownerId, ownerId));
}
