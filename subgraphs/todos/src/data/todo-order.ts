import { UserInputError, decodeCursor, type CursorValue } from '@mosaic/kit';
import type { SortKey } from './keyset';
import { todos, type TodoRow } from './tables';

export type TodoOrderField = 'MANUAL' | 'DUE_AT' | 'PRIORITY' | 'CREATED_AT';
export type OrderDirection = 'ASC' | 'DESC';
export interface TodoOrderSpec {
  field: TodoOrderField;
  direction: OrderDirection;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const instantFromCursor = (value: CursorValue) => (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined);

const idKey = (descending: boolean): SortKey<TodoRow> => ({
  column: todos.id,
  descending,
  nullable: false,
  toCursor: (row) => row.id,
  fromCursor: (value) => (typeof value === 'string' && UUID.test(value) ? value : undefined),
});

const positionKey = (descending: boolean): SortKey<TodoRow> => ({
  column: todos.position,
  descending,
  nullable: false,
  toCursor: (row) => row.position,
  fromCursor: (value) => (Number.isSafeInteger(value) ? value : undefined),
});

const priorityKey = (descending: boolean): SortKey<TodoRow> => ({
  column: todos.priority,
  descending,
  nullable: false,
  toCursor: (row) => row.priority,
  fromCursor: (value) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 4 ? value : undefined),
});

const dueAtKey = (descending: boolean): SortKey<TodoRow> => ({
  column: todos.dueAt,
  descending,
  nullable: true,
  toCursor: (row) => row.dueAt?.toISOString() ?? null,
  fromCursor: (value) => (value === null ? null : instantFromCursor(value)),
});

const createdAtKey = (descending: boolean): SortKey<TodoRow> => ({
  column: todos.createdAt,
  descending,
  nullable: false,
  toCursor: (row) => row.createdAt.toISOString(),
  fromCursor: instantFromCursor,
});

/** Every order ends with the id, so it is total and a cursor names exactly one place in it. */
export function sortKeysFor(order: TodoOrderSpec): SortKey<TodoRow>[] {
  const descending = order.direction === 'DESC';
  switch (order.field) {
    case 'MANUAL':
      return [positionKey(descending), idKey(descending)];
    case 'DUE_AT':
      return [dueAtKey(descending), idKey(descending)];
    case 'PRIORITY':
      // Within a priority the soonest due comes first, whichever way priorities are sorted.
      return [priorityKey(descending), dueAtKey(false), idKey(descending)];
    case 'CREATED_AT':
      return [createdAtKey(descending), idKey(descending)];
  }
}

/** Cursors start with the order they belong to, so one from another order is refused, not misread. */
const orderTag = (order: TodoOrderSpec) => `${order.field}:${order.direction}`;

export function todoCursorKey(order: TodoOrderSpec): (row: TodoRow) => CursorValue[] {
  const keys = sortKeysFor(order);
  const tag = orderTag(order);
  return (row) => [tag, ...keys.map((key) => key.toCursor(row))];
}

/** The keyset values in `cursor`, as query parameters; BAD_USER_INPUT when it is not one of this order's cursors. */
export function decodeTodoCursor(order: TodoOrderSpec, cursor: string): unknown[] {
  const keys = sortKeysFor(order);
  const [tag, ...values] = decodeCursor(cursor, keys.length + 1);
  const decoded = keys.map((key, i) => key.fromCursor(values[i] ?? null));
  if (tag !== orderTag(order) || decoded.some((value) => value === undefined)) {
    throw new UserInputError('"after" is not a cursor returned by this list (with this orderBy). Start again without it.', 'after');
  }
  return decoded;
}
