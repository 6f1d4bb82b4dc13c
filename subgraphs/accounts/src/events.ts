import { z } from 'zod';
import { defineEvents, event } from '@mosaic/kit';

const timeZone = z.string().min(1).max(64);

/**
 * The events accounts publishes (exchange `mosaic.accounts`), imported by the subgraphs that react
 * to them as `@mosaic/accounts/events`. Ids are raw user ids, as every subgraph stores them. All
 * three are ordered per user (their aggregate), so a projection of users sees them in order.
 */
export const accountEvents = defineEvents('accounts', {
  /**
   * An account exists (sign-up, external sign-in, or the backfill of accounts that existed before
   * this event, see drizzle/0005): subgraphs that need to know users keep their id.
   */
  'account.registered': event({
    version: 1,
    schema: z.object({ userId: z.string().uuid(), timeZone, registeredAt: z.iso.datetime() }),
    aggregateId: (p) => p.userId,
  }),
  /** The user changed a preference; the payload carries all of them (a projection replaces its copy). */
  'account.preferences.changed': event({
    version: 1,
    schema: z.object({ userId: z.string().uuid(), timeZone, changedAt: z.iso.datetime() }),
    aggregateId: (p) => p.userId,
  }),
  /** The account is gone: every subgraph removes the data it keeps for this user. */
  'account.deleted': event({
    version: 1,
    schema: z.object({ userId: z.string().uuid(), deletedAt: z.iso.datetime() }),
    aggregateId: (p) => p.userId,
  }),
});
