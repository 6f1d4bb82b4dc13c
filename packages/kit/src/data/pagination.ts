import { UserInputError } from '../errors/errors';

/**
 * Relay-style forward pagination over a keyset. A cursor is the sort key of the last row seen,
 * opaque to clients (base64url JSON), so pages stay stable while rows are inserted or deleted.
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export type CursorValue = string | number | boolean | null;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new UserInputError(`"first" must be between 1 and ${max}.`, 'first');
  }
  return first;
}

export function encodeCursor(key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
      return key as CursorValue[];
    }
  } catch {
    // falls through to the error below
  }
  throw new UserInputError('"after" is not a cursor returned by this list. Start again without it.', 'after');
}

/** `rows` holds up to `limit + 1` rows: the extra one only says that another page exists. */
export function toConnection<T>(rows: readonly T[], limit: number, keyOf: (row: T) => readonly CursorValue[], after?: string | null): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
