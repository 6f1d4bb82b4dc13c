import type { EventHandler, Outbox } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteMembership, findMembersOf, findMembershipsOfUsers, updateMembershipRole } from '../data/memberships-repo';
import { deleteOrganization, lockOrganization } from '../data/organizations-repo';
import type { tenancyEvents } from '../events';
import { announceMembership, audit } from './membership-changes';

/**
 * An account was deleted: its memberships end. An organisation left with nobody goes; one left
 * without an owner passes to its longest-standing member, so no organisation is ever orphaned.
 */
export function forgetDeletedAccount(events: Outbox<typeof tenancyEvents>, now: () => Date): EventHandler<typeof accountEvents, 'account.deleted'> {
  const ctx = { events, now };
  return async (event, { tx, log }) => {
    const { userId } = event.payload;
    for (const membership of await findMembershipsOfUsers(tx, [userId])) {
      const organizationId = membership.organizationId;
      await lockOrganization(tx, organizationId);
      await deleteMembership(tx, organizationId, userId);
      await announceMembership(ctx, tx, organizationId, userId, null);
      const rest = await findMembersOf(tx, [organizationId]);
      if (rest.length === 0) {
        await deleteOrganization(tx, organizationId);
      } else if (!rest.some((member) => member.role === 'owner')) {
        const heir = rest[0]!;
        await updateMembershipRole(tx, organizationId, heir.userId, 'owner');
        await audit(ctx, tx, { organizationId, actorId: userId, action: 'ownership_transferred', subjectUserId: heir.userId, role: 'owner', previousRole: heir.role });
        await announceMembership(ctx, tx, organizationId, heir.userId, 'owner');
      }
    }
    log.info({ userId }, 'ended the memberships of a deleted account');
  };
}
