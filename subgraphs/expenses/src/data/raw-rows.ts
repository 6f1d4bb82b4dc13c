import type { SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';

/**
 * Rows of a hand-written statement (reports need CTEs and window functions drizzle's builder does
 * not express). postgres.js returns an array, PGlite `{ rows }`; repos see one shape.
 */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
