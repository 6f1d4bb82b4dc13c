import { and, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CursorValue } from '@mosaic/kit';

/**
 * One column of a keyset order. Nullable keys sort their nulls last in both directions, so
 * "undated" todos stay at the end whichever way dates are sorted.
 */
export interface SortKey<Row> {
  column: PgColumn;
  descending: boolean;
  nullable: boolean;
  /** The row's value as written into a cursor. */
  toCursor(row: Row): CursorValue;
  /** A cursor value back to a query parameter; undefined when this key never writes such a value. */
  fromCursor(value: CursorValue): unknown;
}

export function orderByKeys<Row>(keys: readonly SortKey<Row>[]): SQL[] {
  return keys.map((key) => sql`${key.column} ${sql.raw(key.descending ? 'desc' : 'asc')} nulls last`);
}

/**
 * Rows strictly after the cursor row in the keys' order: for some key i, every earlier key equals
 * the cursor's value and key i comes after it. Works for mixed directions and nullable keys, where
 * PostgreSQL's row comparison `(a, b) > (x, y)` does not.
 */
export function afterKeyset<Row>(keys: readonly SortKey<Row>[], values: readonly unknown[]): SQL {
  const branches: SQL[] = [];
  keys.forEach((key, i) => {
    const beyond = strictlyAfter(key, values[i]);
    if (!beyond) return;
    const equalBefore = keys.slice(0, i).map((earlier, j) => (values[j] === null ? isNull(earlier.column) : eq(earlier.column, values[j])));
    branches.push(and(...equalBefore, beyond)!);
  });
  return or(...branches) ?? sql`false`;
}

function strictlyAfter<Row>(key: SortKey<Row>, value: unknown): SQL | undefined {
  // Nulls sort last, so nothing comes after a null on this key (only other nulls, equal to it).
  if (value === null) return undefined;
  const beyond = key.descending ? lt(key.column, value) : gt(key.column, value);
  return key.nullable ? or(beyond, isNull(key.column)) : beyond;
}
