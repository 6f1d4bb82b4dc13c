import { z } from 'zod';
import { defineEvents, event } from '@mosaic/kit';

/**
 * The events tenancy publishes (exchange `mosaic.tenancy`), imported as `@mosaic/tenancy/events`.
 * Ids are raw. Ordered per organisation (the aggregate), so a consumer's projection of who holds
 * which role converges on tenancy's own state.
 */
export const tenancyEvents = defineEvents('tenancy', {
  /** A user's membership was created, changed or ended (`role: null`): the whole new state, not a delta. */
  'membership.changed': event({
    version: 1,
    schema: z.object({
      organizationId: z.string().uuid(),
      userId: z.string().uuid(),
      role: z.enum(['owner', 'admin', 'member', 'billing']).nullable(),
      at: z.iso.datetime(),
    }),
    aggregateId: (p) => p.organizationId,
  }),
  /**
   * The plan in force changed (or an organisation started on the free plan): its code and what it
   * allows, the whole new state. Files projects `storageBytes` for uploads within the organisation.
   */
  'plan.changed': event({
    version: 1,
    schema: z.object({
      organizationId: z.string().uuid(),
      plan: z.string(),
      /** Decimal bytes (may exceed 2^53); null: unlimited. */
      storageBytes: z.string().regex(/^\d+$/).nullable(),
      maxApiCallsPerMonth: z.number().int().nullable(),
      at: z.iso.datetime(),
    }),
    aggregateId: (p) => p.organizationId,
  }),
});
