import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { labels, todoLabels, type LabelRow } from './tables';

export async function findLabelsByIds(db: Db, ids: readonly string[]): Promise<LabelRow[]> {
  return db.select().from(labels).where(inArray(labels.id, [...ids]));
}

export async function findLabelsOfOwner(db: Db, ownerId: string): Promise<LabelRow[]> {
  return db.select().from(labels).where(eq(labels.ownerId, ownerId)).orderBy(asc(sql`lower(${labels.name})`), asc(labels.id));
}

/** The owner's labels with these names (any case), for quick add's #words. */
export async function findLabelsByName(db: Db, ownerId: string, names: readonly string[]): Promise<LabelRow[]> {
  if (names.length === 0) return [];
  return db
    .select()
    .from(labels)
    .where(and(eq(labels.ownerId, ownerId), inArray(sql`lower(${labels.name})`, names.map((name) => name.toLowerCase()))));
}

/** The labels on each todo, by name. */
export async function findLabelsOfTodos(db: Db, todoIds: readonly string[]): Promise<(LabelRow & { todoId: string })[]> {
  const rows = await db
    .select({ todoId: todoLabels.todoId, label: labels })
    .from(todoLabels)
    .innerJoin(labels, eq(labels.id, todoLabels.labelId))
    .where(inArray(todoLabels.todoId, [...todoIds]))
    .orderBy(asc(todoLabels.todoId), asc(sql`lower(${labels.name})`), asc(labels.id));
  return rows.map((row) => ({ ...row.label, todoId: row.todoId }));
}

export async function insertLabel(db: Db, label: LabelRow): Promise<LabelRow> {
  const [row] = await db.insert(labels).values(label).returning();
  return row!;
}

export async function updateLabelRow(db: Db, ownerId: string, id: string, changes: Pick<LabelRow, 'name' | 'color'>): Promise<LabelRow | undefined> {
  const [row] = await db
    .update(labels)
    .set(changes)
    .where(and(eq(labels.id, id), eq(labels.ownerId, ownerId)))
    .returning();
  return row;
}

export async function deleteLabelRow(db: Db, ownerId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(labels)
    .where(and(eq(labels.id, id), eq(labels.ownerId, ownerId)))
    .returning({ id: labels.id });
  return rows.length === 1;
}

/** Replaces the owner's labels on the todo (others' labels on a shared todo stay); the caller checked the ids are the owner's. */
export async function setTodoLabels(db: Db, ownerId: string, todoId: string, labelIds: readonly string[]): Promise<void> {
  await db
    .delete(todoLabels)
    .where(and(eq(todoLabels.todoId, todoId), inArray(todoLabels.labelId, db.select({ id: labels.id }).from(labels).where(eq(labels.ownerId, ownerId)))));
  if (labelIds.length > 0) await db.insert(todoLabels).values(labelIds.map((labelId) => ({ todoId, labelId })));
}

export async function deleteLabelsOf(db: Db, ownerId: string): Promise<void> {
  await db.delete(labels).where(eq(labels.ownerId, ownerId));
}
