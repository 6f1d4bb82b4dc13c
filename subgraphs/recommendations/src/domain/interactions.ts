import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { InteractionRow } from '../data/tables';

const cursorKey = (row: InteractionRow) => [row.occurredAt.toISOString(), row.id] as const;

/** `User.interactions`: the user's own, or anyone's for admins; batched across users by the loader. */
export async function listInteractions(ctx: Pick<Context, 'auth' | 'loaders'>, userId: string, args: PageArgs): Promise<Connection<InteractionRow>> {
  ctx.auth.require('recommendations:read');
  ctx.auth.requireOwnerOrAdmin(userId, 'interactions');
  const limit = pageSize(args.first);
  const [occurredAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const before = occurredAt && id ? { occurredAt, id } : null;
  const rows = await ctx.loaders.history.load({ parentId: userId, query: { limit: limit + 1, before } });
  return toConnection(rows, limit, cursorKey, args.after);
}
