import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { decodeId, NotFoundError, UserInputError, uuidv7, validate, type Db } from '@mosaic/kit';
import type { Context } from '../../context';
import { deleteCartLine, ensureCartOfOwner, findCartByTokenHash, findCartLines, findCartOfOwner, insertCart, mergeCartInto, touchCart, upsertCartLine } from '../../data/carts-repo';
import type { CartRow } from '../../data/tables';
import { lineTotal } from './pricing';
import type { CartView } from './pricing-types';

type CartContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** An anonymous cart by its token; a malformed or unknown token is refused (a lost cart is a clear error, not a silent new one). */
async function cartOfToken(db: Db, token: string): Promise<CartRow> {
  if (!TOKEN_PATTERN.test(token)) throw new UserInputError('cartToken is not a cart token returned by addToCart.', 'cartToken');
  const cart = await findCartByTokenHash(db, hashToken(token));
  if (!cart) throw new NotFoundError('Cart');
  return cart;
}

export interface ResolvedCart {
  cart: CartRow;
  token: string | null;
}

/**
 * Which cart a request works on. Signed in: the user's own, and an anonymous `cartToken` passed
 * along is merged into it once (its lines added, quantities capped) and then deleted — the
 * "merge on login" of every shop, done on the first authenticated use of the token. Anonymous: the
 * token's cart, or a new one when `create` and no token.
 */
export async function resolveCart(ctx: CartContext, token: string | null | undefined, create: boolean): Promise<ResolvedCart | null> {
  const now = ctx.now();
  const viewer = ctx.auth.viewer;
  if (viewer) {
    const existing = await findCartOfOwner(ctx.db, viewer.userId);
    if (!token && !existing && !create) return null;
    const own = existing ?? (await ensureCartOfOwner(ctx.db, { id: uuidv7(now.getTime()), ownerId: viewer.userId, tokenHash: null, createdAt: now, updatedAt: now }));
    if (token) {
      const anonymous = await cartOfToken(ctx.db, token).catch((error: unknown) => {
        // Already merged (the token outlived its cart): the user's cart is the answer.
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (anonymous && anonymous.ownerId === null) {
        await ctx.db.transaction(async (tx) => {
          await mergeCartInto(tx, anonymous.id, own.id, ctx.settings.maxLineQuantity);
          await touchCart(tx, own.id, now);
        });
      }
    }
    return { cart: own, token: null };
  }
  if (token) return { cart: await cartOfToken(ctx.db, token), token };
  if (!create) return null;
  const fresh = randomBytes(32).toString('base64url');
  const cart = await insertCart(ctx.db, { id: uuidv7(now.getTime()), ownerId: null, tokenHash: hashToken(fresh), createdAt: now, updatedAt: now });
  return { cart, token: fresh };
}

/** The cart with current catalog prices (never stored prices): lines whose variant left the catalog are dropped. */
export async function viewCart(ctx: Pick<Context, 'db' | 'loaders' | 'settings'>, cart: CartRow): Promise<CartView> {
  const rows = await findCartLines(ctx.db, cart.id);
  const variants = await ctx.loaders.variantById.loadMany(rows.map((row) => row.variantId));
  const lines = rows.flatMap((row, i) => {
    const variant = variants[i];
    if (!variant || variant instanceof Error) return [];
    return [{ variant, quantity: row.quantity, lineTotalMinor: lineTotal(variant.priceMinor, row.quantity) }];
  });
  return { cart, lines, currency: ctx.settings.currency, subtotalMinor: lines.reduce((sum, line) => sum + line.lineTotalMinor, 0) };
}

const lineInput = (max: number, allowZero: boolean) =>
  z.object({
    cartToken: z.string().nullish(),
    variantId: z.string(),
    quantity: z
      .number()
      .int('must be a whole number')
      .min(allowZero ? 0 : 1, allowZero ? 'must not be negative' : 'must be at least 1')
      .max(max, `must be at most ${max}`),
  });

/** Sets (or, with `add`, increases) a line; the result is checked against what can be bought now. */
export async function changeCartLine(ctx: CartContext, raw: unknown, mode: 'add' | 'set'): Promise<{ cart: CartView; cartToken: string | null }> {
  const input = validate(lineInput(ctx.settings.maxLineQuantity, mode === 'set'), raw);
  const variantId = decodeId('ProductVariant', input.variantId, 'input.variantId');
  const variant = await ctx.loaders.variantById.load(variantId);
  const product = variant ? await ctx.loaders.productById.load(variant.productId) : null;
  if (!variant || !product || product.status !== 'ACTIVE') throw new UserInputError('input.variantId: no variant with this id is for sale.', 'input.variantId');
  const resolved = (await resolveCart(ctx, input.cartToken, true))!;
  const lines = await findCartLines(ctx.db, resolved.cart.id);
  const current = lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
  const quantity = mode === 'add' ? current + input.quantity : input.quantity;
  const now = ctx.now();
  if (quantity === 0) {
    await deleteCartLine(ctx.db, resolved.cart.id, variantId);
  } else {
    if (quantity > ctx.settings.maxLineQuantity) throw new UserInputError(`input.quantity: a line holds at most ${ctx.settings.maxLineQuantity} units (${current} are in the cart).`, 'input.quantity');
    const available = variant.stockOnHand - variant.reserved;
    if (quantity > available) throw new UserInputError(`input.quantity: only ${Math.max(0, available)} of ${variant.sku} can be bought now.`, 'input.quantity');
    if (current === 0 && lines.length >= ctx.settings.maxCartLines) throw new UserInputError(`A cart holds at most ${ctx.settings.maxCartLines} different items.`, 'input.variantId');
    await upsertCartLine(ctx.db, { cartId: resolved.cart.id, variantId, quantity, addedAt: now });
  }
  await touchCart(ctx.db, resolved.cart.id, now);
  return { cart: await viewCart(ctx, { ...resolved.cart, updatedAt: now }), cartToken: resolved.token };
}

export async function cartFor(ctx: CartContext, token: string | null | undefined): Promise<CartView | null> {
  const resolved = await resolveCart(ctx, token, false);
  return resolved ? viewCart(ctx, resolved.cart) : null;
}
