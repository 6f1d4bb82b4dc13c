import { and, desc, eq, gt, or } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { items, type ItemKind, type ItemRow } from './tables';

/** An item listed or changed by its owner: the newest facts win. */
export async function upsertItem(db: Db, row: ItemRow): Promise<void> {
  await db
    .insert(items)
    .values(row)
    .onConflictDoUpdate({ target: [items.kind, items.id], set: { title: row.title, category: row.category, tags: row.tags } });
}

export async function deleteItem(db: Db, kind: ItemKind, id: string): Promise<void> {
  await db.delete(items).where(and(eq(items.kind, kind), eq(items.id, id)));
}

export const itemKey = (kind: ItemKind, id: string) => `${kind}:${id}`;

export function findItems(db: Db, keys: readonly string[]): Promise<ItemRow[]> {
  const pairs = keys.map((key) => key.split(':') as [ItemKind, string]);
  if (pairs.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(items)
    .where(or(...pairs.map(([kind, id]) => and(eq(items.kind, kind), eq(items.id, id)))));
}

/** The newest items of a kind listed after `since`, newest first. */
export function findNewItems(db: Db, kind: ItemKind, since: Date, limit: number): Promise<ItemRow[]> {
  return db
    .select()
    .from(items)
    .where(and(eq(items.kind, kind), gt(items.createdAt, since)))
    .orderBy(desc(items.createdAt))
    .limit(limit);
}
