import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';

/**
 * The events commerce publishes (exchange `mosaic.commerce`), one aggregate per order (a variant
 * for `stock.low`): an order's events are delivered in the order they were committed. Payloads
 * carry raw ids and integer minor units.
 */
const uuid = z.string().uuid();
const status = z.enum(['PENDING', 'PAID', 'FULFILLED', 'DELIVERED', 'CANCELLED', 'REFUNDED']);
const order = z.object({
  orderId: uuid,
  buyerId: uuid.nullable(),
  status,
  currency: z.string(),
  totalMinor: z.number().int(),
});
const byOrder = (p: { orderId: string }) => p.orderId;
const line = z.object({ variantId: uuid, productId: uuid, sku: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int() });

export const commerceEvents = defineEvents('commerce', {
  'order.placed': event({ version: 1, schema: order.extend({ lines: z.array(line) }), aggregateId: byOrder }),
  'order.paid': event({ version: 1, schema: order.extend({ paymentProvider: z.string(), paymentReference: z.string() }), aggregateId: byOrder }),
  'order.cancelled': event({ version: 1, schema: order.extend({ reason: z.string().nullable() }), aggregateId: byOrder }),
  'order.refunded': event({ version: 1, schema: order.extend({ amountMinor: z.number().int(), refundedMinor: z.number().int(), full: z.boolean() }), aggregateId: byOrder }),
  /** Every step of an order's history (the buyer's `orderUpdated` stream is fed from it). */
  'order.status-changed': event({ version: 1, schema: order.extend({ from: status.nullable() }), aggregateId: byOrder }),
  /** A product created or changed (name, category, status): what recommendations may suggest. */
  'product.changed': event({
    version: 1,
    schema: z.object({ productId: uuid, name: z.string(), category: z.string().nullable(), status: z.enum(['DRAFT', 'ACTIVE', 'ARCHIVED']), changedAt: z.iso.datetime() }),
    aggregateId: (p) => p.productId,
  }),
  'stock.low': event({
    version: 1,
    schema: z.object({ variantId: uuid, productId: uuid, sku: z.string(), available: z.number().int(), threshold: z.number().int() }),
    aggregateId: (p) => p.variantId,
  }),
});

export type CommerceOutbox = Outbox<typeof commerceEvents>;
