import type { EventHandler } from '@mosaic/kit';
import type { tenancyEvents } from '@mosaic/tenancy/events';
import { applyMembershipState } from '../data/organization-memberships-repo';

/**
 * Keeps accounts' copy of who belongs where (tenancy owns it). Events of one organisation arrive
 * in order; a stale one (a replayed dead letter) loses to the newer state by its time.
 */
export const applyMembershipChange: EventHandler<typeof tenancyEvents, 'membership.changed'> = async (event, { tx }) => {
  const { organizationId, userId, role, at } = event.payload;
  await applyMembershipState(tx, { organizationId, userId, role, changedAt: new Date(at) });
};
