import { and, eq, gt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor } from '@mosaic/kit';

/** Rows after a `(created_at, id)` cursor, for lists ordered oldest first; no cursor → no condition. */
export function afterCreatedAtCursor(createdAt: PgColumn, id: PgColumn, after?: string | null): SQL | undefined {
  if (!after) return undefined;
  const [at, key] = decodeCursor(after, 2);
  const instant = new Date(String(at));
  return or(gt(createdAt, instant), and(eq(createdAt, instant), gt(id, String(key))));
}
