import { UserInputError, decodeCursor, pageSize, toConnection, type Connection } from '@mosaic/kit';
import type { Context } from '../../context';
import type { PriceAlertTriggerRow } from '../../data/tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The user's alert firings, newest first, one page (batched across users). */
export async function alertTriggersOf(
  ctx: Pick<Context, 'loaders'>,
  ownerId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<PriceAlertTriggerRow>> {
  const limit = pageSize(args.first);
  let after: { triggeredAt: string; id: string } | null = null;
  if (args.after) {
    const [triggeredAt, id] = decodeCursor(args.after, 2);
    if (typeof triggeredAt !== 'string' || typeof id !== 'string' || !UUID.test(id) || Number.isNaN(Date.parse(triggeredAt))) {
      throw new UserInputError('"after" is not a cursor returned by this list. Start again without it.', 'after');
    }
    after = { triggeredAt, id };
  }
  const rows = await ctx.loaders.triggerPage.load({ parentId: ownerId, query: { limit, after } });
  return toConnection(rows, limit, (row) => [row.triggeredAt.toISOString(), row.id], args.after);
}
