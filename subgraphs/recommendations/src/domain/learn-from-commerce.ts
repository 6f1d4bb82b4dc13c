import type { EventHandler, SubgraphEvents } from '@mosaic/kit';
import { commerceEvents } from '@mosaic/commerce/events';
import { createLoaders } from '../data/loaders';
import { deleteItem } from '../data/items-repo';
import type { RecommendationsSettings } from '../env';
import { registerItem } from './items';
import { learnFromEvent } from './record-interaction';

/**
 * What the shop says, learned: an active product is recommendable (its category is its content
 * feature), a draft or archived one is not; every product of a placed order is a PURCHASE by its
 * buyer, through the same checks as `recordInteraction`.
 */
export function learnFromCommerce(events: SubgraphEvents, settings: RecommendationsSettings): void {
  const changed: EventHandler<typeof commerceEvents, 'product.changed'> = async (event, { tx }) => {
    const { productId, name, category, status, changedAt } = event.payload;
    if (status === 'ACTIVE') await registerItem(tx, { kind: 'PRODUCT', id: productId, title: name, category, tags: [], listedAt: new Date(changedAt) });
    else await deleteItem(tx, 'PRODUCT', productId);
  };
  const placed: EventHandler<typeof commerceEvents, 'order.placed'> = async (event, { tx, log }) => {
    const { buyerId, lines } = event.payload;
    if (!buyerId) return;
    const ctx = { db: tx, settings, loaders: createLoaders(tx), log };
    for (const productId of new Set(lines.map((line) => line.productId))) {
      await learnFromEvent(ctx, { userId: buyerId, itemKind: 'PRODUCT', itemId: productId, kind: 'PURCHASE', rating: null, occurredAt: new Date(event.occurredAt), source: event.type });
    }
  };
  events.on(commerceEvents, 'product.changed', changed, { group: 'commerce-products' });
  events.on(commerceEvents, 'order.placed', placed, { group: 'commerce-orders' });
}
