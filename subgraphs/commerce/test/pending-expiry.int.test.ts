import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { variants } from '../src/data/tables';
import { buy, ORDER, startCommerce, type Commerce } from './harness';

let app: Commerce;
beforeAll(async () => {
  app = await startCommerce({ COMMERCE_PENDING_ORDER_TTL_SECONDS: '1', COMMERCE_PENDING_SWEEP_MS: '100' });
});
afterAll(() => app.close());

describe('unpaid orders', () => {
  it('are cancelled by the system after the TTL and give their stock back', async () => {
    const { variants: [v] } = await app.product({ stock: 4 });
    const unpaid = await buy(app, (await app.auth.newUser()).token, v!.id, 3);
    const statusOf = async (id: string) => (await app.ok(ORDER, { id }, app.staff.token)).order;
    await expect.poll(async () => (await statusOf(unpaid.data!.placeOrder.order.id)).status, { timeout: 10_000 }).toBe('CANCELLED');
    const order = await statusOf(unpaid.data!.placeOrder.order.id);
    expect(order.history.at(-1)).toMatchObject({ from: 'PENDING', to: 'CANCELLED', actorKind: 'SYSTEM', actor: null });
    const [row] = await app.database.db().select().from(variants).where(eq(variants.id, decodeId('ProductVariant', v!.id)));
    expect({ onHand: row!.stockOnHand, reserved: row!.reserved }).toEqual({ onHand: 4, reserved: 0 });
  });
});
