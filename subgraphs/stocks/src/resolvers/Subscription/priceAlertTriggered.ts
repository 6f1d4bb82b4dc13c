import { triggerFromEvent, type TriggerEvent } from '../../domain/alerts/trigger-event';
import { alertStream } from '../../domain/live/live-streams';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const priceAlertTriggered: NonNullable<SubscriptionResolvers['priceAlertTriggered']> = {
  subscribe: (_parent, _args, ctx) => alertStream(ctx),
  resolve: (payload: TriggerEvent) => triggerFromEvent(payload),
};
