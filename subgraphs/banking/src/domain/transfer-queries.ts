import type { Context } from '../context';
import type { TransferRow } from '../data/tables';

/** A transfer the caller initiated or whose either side they own (any, for admins); null otherwise. */
export async function findVisibleTransfer(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<TransferRow | null> {
  const viewer = ctx.auth.require('banking:read');
  const row = await ctx.loaders.transferById.load(id);
  if (!row) return null;
  if (row.initiatorId === viewer.userId || ctx.auth.hasRole('admin')) return row;
  const [from, to] = await Promise.all([ctx.loaders.accountById.load(row.fromAccountId), ctx.loaders.accountById.load(row.toAccountId)]);
  return from?.ownerId === viewer.userId || to?.ownerId === viewer.userId ? row : null;
}
