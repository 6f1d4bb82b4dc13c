import { bigint, boolean, check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Everything commerce stores lives in its own PostgreSQL schema. No column defaults: the
 * application owns values. Money is integer minor units (`bigint`, read as JS numbers: every amount
 * is bounded far below 2^53 by the input limits). `vendor_id` is nullable and unused
 * here, for a multi-vendor catalog; a `tenant_id` comes with row-level security when commerce
 * becomes tenant-aware (a catalog test refuses one without it).
 */
export const commerceSchema = pgSchema('commerce');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const money = (name: string) => bigint(name, { mode: 'number' });

export const categories = commerceSchema.table(
  'categories',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('categories_slug_idx').on(t.slug), index('categories_parent_idx').on(t.parentId, t.position)],
);

export const PRODUCT_STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const products = commerceSchema.table(
  'products',
  {
    id: uuid('id').primaryKey(),
    vendorId: uuid('vendor_id'),
    categoryId: uuid('category_id'),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull(),
    imageUrls: text('image_urls').array().notNull(),
    status: text('status').$type<ProductStatus>().notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('products_slug_idx').on(t.slug),
    index('products_listing_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
    index('products_category_idx').on(t.categoryId),
    index('products_search_idx').using('gin', sql`to_tsvector('english', ${t.name} || ' ' || ${t.description})`),
  ],
);

export const variants = commerceSchema.table(
  'variants',
  {
    id: uuid('id').primaryKey(),
    vendorId: uuid('vendor_id'),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    /** Option name → value, e.g. { "size": "M", "colour": "blue" }. */
    options: jsonb('options').$type<Record<string, string>>().notNull(),
    priceMinor: money('price_minor').notNull(),
    currency: text('currency').notNull(),
    /** Units in the warehouse. */
    stockOnHand: integer('stock_on_hand').notNull(),
    /** Units held by placed orders that are not fulfilled yet; available = on hand − reserved, never negative (the check constraint). */
    reserved: integer('reserved').notNull(),
    /** `stock.low` is emitted when availability falls to this or below. */
    lowStockThreshold: integer('low_stock_threshold').notNull(),
    position: integer('position').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('variants_sku_idx').on(t.sku),
    index('variants_product_idx').on(t.productId, t.position),
    // The last line of defence against overselling: a reservation beyond the stock cannot commit.
    check('variants_stock_check', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.stockOnHand}`),
  ],
);

export const carts = commerceSchema.table(
  'carts',
  {
    id: uuid('id').primaryKey(),
    /** Set for a signed-in user's cart (one per user); null for an anonymous cart reached by its token. */
    ownerId: uuid('owner_id'),
    /** SHA-256 of an anonymous cart's token; the token itself is never stored. */
    tokenHash: text('token_hash'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [uniqueIndex('carts_owner_idx').on(t.ownerId), uniqueIndex('carts_token_idx').on(t.tokenHash)],
);

export const cartLines = commerceSchema.table(
  'cart_lines',
  {
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    addedAt: instant('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check('cart_lines_quantity_check', sql`${t.quantity} > 0`)],
);

export const PROMOTION_KINDS = ['PERCENTAGE', 'FIXED'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export const promotions = commerceSchema.table(
  'promotions',
  {
    id: uuid('id').primaryKey(),
    vendorId: uuid('vendor_id'),
    /** Stored upper-case; codes are matched case-insensitively. */
    code: text('code').notNull(),
    kind: text('kind').$type<PromotionKind>().notNull(),
    /** PERCENTAGE: basis points (1000 = 10 %); FIXED: minor units of `currency`. */
    value: integer('value').notNull(),
    currency: text('currency'),
    minSubtotalMinor: money('min_subtotal_minor').notNull(),
    usageLimit: integer('usage_limit'),
    usedCount: integer('used_count').notNull(),
    startsAt: instant('starts_at'),
    expiresAt: instant('expires_at'),
    active: boolean('active').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('promotions_code_idx').on(t.code)],
);

export const ORDER_STATUSES = ['PENDING', 'PAID', 'FULFILLED', 'DELIVERED', 'CANCELLED', 'REFUNDED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  region: string | null;
  country: string;
}

export const orders = commerceSchema.table(
  'orders',
  {
    id: uuid('id').primaryKey(),
    vendorId: uuid('vendor_id'),
    /** Null once the buyer's account was deleted: the order stays (financial record), anonymised. */
    buyerId: uuid('buyer_id'),
    status: text('status').$type<OrderStatus>().notNull(),
    currency: text('currency').notNull(),
    subtotalMinor: money('subtotal_minor').notNull(),
    discountMinor: money('discount_minor').notNull(),
    shippingMinor: money('shipping_minor').notNull(),
    taxMinor: money('tax_minor').notNull(),
    totalMinor: money('total_minor').notNull(),
    refundedMinor: money('refunded_minor').notNull(),
    promotionId: uuid('promotion_id'),
    promotionCode: text('promotion_code'),
    shippingMethod: text('shipping_method').notNull(),
    /** Null once anonymised. */
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    /** Tax rule applied (its label), for the invoice. */
    taxLabel: text('tax_label').notNull(),
    paymentProvider: text('payment_provider').notNull(),
    /** The provider's id for the payment (PaymentIntent id, PayPal order id, offline reference). */
    paymentReference: text('payment_reference'),
    /** Whether reserved stock was released or taken out of stock (fulfilment, cancellation, refund before shipping). */
    stockSettled: boolean('stock_settled').notNull(),
    placedAt: instant('placed_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('orders_buyer_idx').on(t.buyerId, t.placedAt.desc(), t.id.desc()),
    index('orders_status_idx').on(t.status, t.placedAt.desc(), t.id.desc()),
    uniqueIndex('orders_payment_ref_idx').on(t.paymentProvider, t.paymentReference),
  ],
);

export const orderLines = commerceSchema.table(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id'),
    variantId: uuid('variant_id').notNull(),
    productId: uuid('product_id').notNull(),
    productName: text('product_name').notNull(),
    variantName: text('variant_name').notNull(),
    sku: text('sku').notNull(),
    unitPriceMinor: money('unit_price_minor').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalMinor: money('line_total_minor').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('order_lines_order_idx').on(t.orderId, t.position)],
);

export const ACTOR_KINDS = ['BUYER', 'STAFF', 'PROVIDER', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const orderTransitions = commerceSchema.table(
  'order_transitions',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<OrderStatus>(),
    toStatus: text('to_status').$type<OrderStatus>().notNull(),
    actorKind: text('actor_kind').$type<ActorKind>().notNull(),
    /** The user who made it (buyer or staff); null for the payment provider or the system, and once a buyer is anonymised. */
    actorId: uuid('actor_id'),
    /** For refunds: the amount refunded by this step (a partial refund keeps the status). */
    amountMinor: money('amount_minor'),
    note: text('note'),
    at: instant('at').notNull(),
  },
  (t) => [index('order_transitions_order_idx').on(t.orderId, t.at, t.id)],
);

export const PAYMENT_KINDS = ['CHARGE', 'REFUND'] as const;

/** Every call to a payment provider, keyed by its idempotency key: a retry reuses the key, so the provider charges once. */
export const payments = commerceSchema.table(
  'payments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof PAYMENT_KINDS)[number]>().notNull(),
    provider: text('provider').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    reference: text('reference'),
    amountMinor: money('amount_minor').notNull(),
    currency: text('currency').notNull(),
    status: text('status').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('payments_idempotency_idx').on(t.provider, t.idempotencyKey), index('payments_order_idx').on(t.orderId)],
);

/** Webhook events already applied, per provider: a replay (same event id) changes nothing. */
export const webhookEvents = commerceSchema.table(
  'webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
export type PromotionRow = typeof promotions.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderTransitionRow = typeof orderTransitions.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
