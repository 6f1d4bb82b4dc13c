import type DataLoader from 'dataloader';
import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs, type ParentKey } from '@mosaic/kit';
import type { PageQuery } from '../data/wallets-repo';

/** `first` / `after` as the repos' page query: newest first, keyed by (createdAt, id). */
export function pageQuery(args: PageArgs): PageQuery {
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  return { limit, after: createdAt && id ? { createdAt, id } : null };
}

export const cursorKey = (row: { createdAt: Date; id: string }) => [row.createdAt.toISOString(), row.id] as const;

/** One parent's page through its batched loader; the rows are primed into the by-id loader. */
export async function loadPage<R extends { id: string; createdAt: Date }>(
  page: DataLoader<ParentKey<PageQuery>, R[], string>,
  byId: DataLoader<string, R | null>,
  parentId: string,
  args: PageArgs,
): Promise<Connection<R>> {
  const query = pageQuery(args);
  const rows = await page.load({ parentId, query });
  for (const row of rows) byId.prime(row.id, row);
  return toConnection(rows, query.limit, cursorKey, args.after);
}
