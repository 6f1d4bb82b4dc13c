import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countProductsOf, insertProduct } from '../data/product-repo';
import type { ProductRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a product for the caller; refused once they hold the configured maximum. */
export async function createProduct(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<ProductRow> {
  const ownerId = ctx.auth.require('commerce:write').userId;
  const { name } = validate(createInput, input);
  if ((await countProductsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} products, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertProduct(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.productById, row.id, row));
  return row;
}

/** The caller's product, or null: someone else's looks exactly like a missing one. */
export async function findOwnProduct(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<ProductRow | null> {
  const viewer = ctx.auth.require('commerce:read');
  const row = await ctx.loaders.productById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: ProductRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.products`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listProducts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<ProductRow>> {
  ctx.auth.require('commerce:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'products');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.productPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
