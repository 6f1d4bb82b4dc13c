import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../../context';
import { findAllOrders, type OrderPageQuery } from '../../data/orders-repo';
import type { OrderRow, OrderStatus } from '../../data/tables';
import { isOrderStaff, ORDERS_MANAGE } from '../access';

/** The order for its buyer or for staff; anyone else's looks exactly like a missing one. */
export async function findOrderFor(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<OrderRow | null> {
  const viewer = ctx.auth.signedIn();
  const order = await ctx.loaders.orderById.load(id);
  if (!order) return null;
  return order.buyerId === viewer.userId || isOrderStaff(ctx.auth) ? order : null;
}

const cursorKey = (row: OrderRow) => [row.placedAt.toISOString(), row.id] as const;

function pageQuery(args: PageArgs): OrderPageQuery {
  const limit = pageSize(args.first);
  const [placedAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  return { limit, after: placedAt && id ? { placedAt, id } : null };
}

/** `User.orders`: the buyer's own, or anyone's for admins; batched across users by the loader. */
export async function listOrdersOf(ctx: Pick<Context, 'auth' | 'loaders'>, buyerId: string, args: PageArgs): Promise<Connection<OrderRow>> {
  ctx.auth.require('commerce:orders');
  ctx.auth.requireOwnerOrAdmin(buyerId, 'orders');
  const query = pageQuery(args);
  const rows = await ctx.loaders.ordersOfBuyer.load({ parentId: buyerId, query });
  for (const row of rows) ctx.loaders.orderById.prime(row.id, row);
  return toConnection(rows, query.limit, cursorKey, args.after);
}

export async function listAllOrders(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, status: OrderStatus | null, args: PageArgs): Promise<Connection<OrderRow>> {
  ctx.auth.require(ORDERS_MANAGE);
  const query = pageQuery(args);
  const rows = await findAllOrders(ctx.db, status, query);
  for (const row of rows) ctx.loaders.orderById.prime(row.id, row);
  return toConnection(rows, query.limit, cursorKey, args.after);
}
