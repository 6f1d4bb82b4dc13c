import { NotFoundError, refreshLoaders, topicStream, type DeliveredEvent, type PubSub } from '@mosaic/kit';
import type { Context } from '../../context';
import type { OrderRow } from '../../data/tables';
import type { commerceEvents } from '../../events';
import { findOrderFor } from './queries';

export interface OrderLivePayload {
  eventId: string;
  orderId: string;
}

const buyerTopic = (buyerId: string) => `commerce.buyer.${buyerId}.orders`;
const BUFFER_LIMIT = 200;

/**
 * The relay's consumer for live streams: each committed status change of an order, to its buyer's
 * topic (every replica's subscribers). Fed from the outbox, so a change that committed is never
 * lost to the stream and one that rolled back never shows.
 */
export function fanOutOrderChanges(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof commerceEvents, 'order.status-changed'>): Promise<void> => {
    if (!event.payload.buyerId) return;
    await pubsub.publish(buyerTopic(event.payload.buyerId), { eventId: event.id, orderId: event.payload.orderId } satisfies OrderLivePayload);
  };
}

/** The signed-in buyer's order changes (one order with `orderId`): private to the subscriber. */
export async function openOrderUpdates(ctx: Pick<Context, 'auth' | 'loaders' | 'pubsub'>, orderId: string | null): Promise<AsyncIterableIterator<OrderLivePayload>> {
  const viewer = ctx.auth.signedIn();
  if (orderId) {
    const order = await findOrderFor(ctx, orderId);
    if (!order || order.buyerId !== viewer.userId) throw new NotFoundError('Order');
  }
  const seen = new Set<string>();
  return topicStream<OrderLivePayload>(ctx.pubsub, buyerTopic(viewer.userId), {
    bufferLimit: BUFFER_LIMIT,
    // Delivery is at least once: a redelivered event is dropped by its id.
    filter: (payload) => (orderId === null || payload.orderId === orderId) && !seen.has(payload.eventId) && Boolean(seen.add(payload.eventId)),
  });
}

/** Each event reads the order afresh (the subscription's loaders live as long as the stream). */
export async function orderOfEvent(ctx: Pick<Context, 'loaders'>, payload: OrderLivePayload): Promise<OrderRow | null> {
  refreshLoaders(ctx.loaders);
  return ctx.loaders.orderById.load(payload.orderId);
}
