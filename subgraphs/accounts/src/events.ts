import { z } from 'zod';
import { defineEvents, event } from '@mosaic/kit';

/**
 * The events accounts publishes (exchange `mosaic.accounts`), imported by the subgraphs that react
 * to them as `@mosaic/accounts/events`. Ids are raw user ids, as every subgraph stores them.
 */
export const accountEvents = defineEvents('accounts', {
  /** The account is gone: every subgraph removes the data it keeps for this user. */
  'account.deleted': event({
    version: 1,
    schema: z.object({ userId: z.string().uuid(), deletedAt: z.iso.datetime() }),
    aggregateId: (p) => p.userId,
  }),
});
