import type { Db, Logger, PubSub } from '@mosaic/kit';
import { fireAlert } from '../../data/alerts-repo';
import { topics } from '../live/topics';
import type { Firing } from './alert-rules';
import { triggerEvent } from './trigger-event';

/**
 * Fires an alert once (see alerts-repo `fireAlert`) and, if this call was the one that fired it,
 * tells its owner's `priceAlertTriggered` subscribers. Returns whether it fired. The event is
 * published after the commit; should the process die in between, the history still has it (pub/sub
 * is at-most-once by design).
 */
export async function fireAndAnnounce(deps: { db: Db; pubsub: PubSub; log: Logger; now: () => Date; triggerId: string }, firing: Firing): Promise<boolean> {
  const result = await fireAlert(deps.db, {
    alertId: firing.alert.id,
    generation: firing.alert.generation,
    price: firing.price,
    referencePrice: firing.referencePrice,
    at: new Date(firing.at),
    triggerId: deps.triggerId,
    now: deps.now(),
  });
  if (!result) return false;
  await deps.pubsub
    .publish(topics.alertTriggered(result.alert.ownerId), triggerEvent(result.trigger, result.alert))
    .catch((error: unknown) => deps.log.warn({ err: error, alertId: firing.alert.id }, 'fired an alert but could not announce it'));
  return true;
}
