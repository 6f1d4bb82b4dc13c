import { ConflictError, encodeId, ForbiddenError, NotFoundError, type Db } from '@mosaic/kit';
import { countOwners, findMembership } from '../data/memberships-repo';
import { lockOrganization } from '../data/organizations-repo';
import type { MembershipRow, OrganizationRow } from '../data/tables';
import { managesMembers, rankOf } from './roles';

/**
 * Starts a change to an organisation's members inside `tx`: locks the organisation (changes run one
 * after another, so the last-owner rule holds under concurrency) and reads the actor's membership
 * fresh. Non-members get NOT_FOUND, as if the organisation did not exist.
 */
export async function lockForChange(tx: Db, organizationId: string, actorId: string): Promise<{ organization: OrganizationRow; actor: MembershipRow }> {
  const organization = await lockOrganization(tx, organizationId);
  const actor = organization && (await findMembership(tx, organizationId, actorId));
  if (!organization || !actor) throw new NotFoundError('Organization', encodeId('Organization', organizationId));
  return { organization, actor };
}

export function assertManager(actor: MembershipRow): void {
  if (!managesMembers(actor.role)) throw new ForbiddenError('Only owners and admins of this organization can manage its members.');
}

/** Nobody grants a role above their own (an admin cannot make owners). */
export function assertMayGrant(actor: MembershipRow, role: string): void {
  if (rankOf(role) > rankOf(actor.role)) throw new ForbiddenError(`You are ${article(actor.role)} here and cannot give the ${role} role, which is above your own.`, { role: role.toUpperCase() });
}

/** Nobody changes or removes a member above their own rank. */
export function assertMayManage(actor: MembershipRow, target: MembershipRow): void {
  if (rankOf(target.role) > rankOf(actor.role)) throw new ForbiddenError(`You are ${article(actor.role)} here and cannot change an ${target.role}.`);
}

/** An organisation always keeps an owner: refuse when `target` is the only one and is going. */
export async function assertNotLastOwner(tx: Db, target: MembershipRow, what: string): Promise<void> {
  if (target.role === 'owner' && (await countOwners(tx, target.organizationId)) <= 1) {
    throw new ConflictError(`${what} would leave the organization without an owner. Make another member an owner first (transferOwnership or changeMemberRole).`);
  }
}

const article = (role: string) => (/^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`);
