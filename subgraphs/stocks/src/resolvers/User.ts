import { decodeId } from '@mosaic/kit';
import { alertTriggersOf } from '../domain/alerts/alert-triggers';
import { alertsOf } from '../domain/alerts/alerts';
import { watchlistsOf } from '../domain/watchlists';
import type { UserResolvers } from '../resolvers.generated';

/**
 * accounts owns User; here a User is the representation `{ id }` carrying the public id — which
 * is also what the standard `self` policy compares against the viewer.
 */
export const User: UserResolvers = {
  watchlists: (user, _args, ctx) => watchlistsOf(ctx, decodeId('User', user.id)),
  priceAlerts: (user, _args, ctx) => alertsOf(ctx, decodeId('User', user.id)),
  priceAlertTriggers: (user, args, ctx) => alertTriggersOf(ctx, decodeId('User', user.id), args),
};
