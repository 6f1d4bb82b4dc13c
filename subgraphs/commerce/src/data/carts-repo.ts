import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { cartLines, carts, type CartLineRow, type CartRow } from './tables';

export async function findCartOfOwner(db: Db, ownerId: string): Promise<CartRow | null> {
  const [row] = await db.select().from(carts).where(eq(carts.ownerId, ownerId));
  return row ?? null;
}

export async function findCartByTokenHash(db: Db, tokenHash: string): Promise<CartRow | null> {
  const [row] = await db.select().from(carts).where(eq(carts.tokenHash, tokenHash));
  return row ?? null;
}

/** The owner's cart, created when missing (two first requests at once still make one: the unique index). */
export async function ensureCartOfOwner(db: Db, row: CartRow): Promise<CartRow> {
  await db.insert(carts).values(row).onConflictDoNothing();
  return (await findCartOfOwner(db, row.ownerId!))!;
}

export async function insertCart(db: Db, row: CartRow): Promise<CartRow> {
  const [inserted] = await db.insert(carts).values(row).returning();
  return inserted!;
}

export const findCartLines = (db: Db, cartId: string) => db.select().from(cartLines).where(eq(cartLines.cartId, cartId)).orderBy(asc(cartLines.addedAt), asc(cartLines.variantId));

export async function upsertCartLine(db: Db, row: CartLineRow): Promise<void> {
  await db.insert(cartLines).values(row).onConflictDoUpdate({ target: [cartLines.cartId, cartLines.variantId], set: { quantity: row.quantity } });
}

export async function deleteCartLine(db: Db, cartId: string, variantId: string): Promise<void> {
  await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.variantId, variantId)));
}

export async function clearCart(db: Db, cartId: string): Promise<void> {
  await db.delete(cartLines).where(eq(cartLines.cartId, cartId));
}

export async function touchCart(db: Db, cartId: string, at: Date): Promise<void> {
  await db.update(carts).set({ updatedAt: at }).where(eq(carts.id, cartId));
}

export async function deleteCart(db: Db, cartId: string): Promise<void> {
  await db.delete(carts).where(eq(carts.id, cartId));
}

/** Moves an anonymous cart's lines into the owner's cart (quantities added), then deletes the anonymous cart. */
export async function mergeCartInto(tx: Db, fromCartId: string, intoCartId: string, maxQuantity: number): Promise<void> {
  await tx.execute(sql`
    insert into ${cartLines} (cart_id, variant_id, quantity, added_at)
    select ${intoCartId}::uuid, variant_id, least(quantity, ${maxQuantity}), added_at from ${cartLines} where cart_id = ${fromCartId}::uuid
    on conflict (cart_id, variant_id) do update set quantity = least(${cartLines}.quantity + excluded.quantity, ${maxQuantity})`);
  await tx.delete(carts).where(eq(carts.id, fromCartId));
}

export async function deleteCartsOf(db: Db, ownerId: string): Promise<void> {
  await db.delete(carts).where(eq(carts.ownerId, ownerId));
}

/** Locks the cart for a checkout: two checkouts of one cart at once place it once (the second finds it empty). */
export async function lockCart(tx: Db, cartId: string): Promise<void> {
  await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for('update');
}
