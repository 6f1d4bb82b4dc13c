import { ConflictError, encodeId, NotFoundError, refreshLoaders, UserInputError, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { findAuditEvents } from '../data/audit-repo';
import { deleteMembership, findMembership, updateMembershipRole } from '../data/memberships-repo';
import type { AuditEventRow, MembershipRow, OrganizationRow } from '../data/tables';
import { assertManager, assertMayGrant, assertMayManage, assertNotLastOwner, lockForChange } from './member-guards';
import { announceMembership, audit } from './membership-changes';
import { requireManager, requireMembership } from './organizations';
import type { Role } from './roles';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>;

async function requireMember(tx: Db, organizationId: string, userId: string): Promise<MembershipRow> {
  const member = await findMembership(tx, organizationId, userId);
  if (!member) throw new NotFoundError('Member', encodeId('User', userId));
  return member;
}

/** Owners and admins change roles — never to or from a role above their own, never leaving no owner. */
export async function changeMemberRole(ctx: WriteContext, organizationId: string, userId: string, role: Role): Promise<MembershipRow> {
  const actorId = ctx.auth.require('tenancy:write').userId;
  const row = await ctx.db.transaction(async (tx) => {
    const { actor } = await lockForChange(tx, organizationId, actorId);
    assertManager(actor);
    const target = await requireMember(tx, organizationId, userId);
    assertMayManage(actor, target);
    assertMayGrant(actor, role);
    if (target.role === role) return target;
    if (role !== 'owner') await assertNotLastOwner(tx, target, 'This change');
    const updated = await updateMembershipRole(tx, organizationId, userId, role);
    await audit(ctx, tx, { organizationId, actorId, action: 'member_role_changed', subjectUserId: userId, role, previousRole: target.role });
    await announceMembership(ctx, tx, organizationId, userId, role);
    return updated;
  });
  refreshLoaders(ctx.loaders);
  return row;
}

/** Owners and admins remove members (not above their own role, never the last owner); leaving yourself is `leaveOrganization`. */
export async function removeMember(ctx: WriteContext, organizationId: string, userId: string): Promise<true> {
  const actorId = ctx.auth.require('tenancy:write').userId;
  await ctx.db.transaction(async (tx) => {
    const { actor } = await lockForChange(tx, organizationId, actorId);
    if (userId === actorId) throw new ConflictError('To leave an organization yourself, use leaveOrganization.');
    assertManager(actor);
    const target = await requireMember(tx, organizationId, userId);
    assertMayManage(actor, target);
    await assertNotLastOwner(tx, target, 'Removing this member');
    await deleteMembership(tx, organizationId, userId);
    await audit(ctx, tx, { organizationId, actorId, action: 'member_removed', subjectUserId: userId, role: target.role });
    await announceMembership(ctx, tx, organizationId, userId, null);
  });
  refreshLoaders(ctx.loaders);
  return true;
}

/** Any member leaves; the last owner must hand the organisation over first. */
export async function leaveOrganization(ctx: WriteContext, organizationId: string): Promise<true> {
  const userId = ctx.auth.require('tenancy:write').userId;
  await ctx.db.transaction(async (tx) => {
    const { actor } = await lockForChange(tx, organizationId, userId);
    await assertNotLastOwner(tx, actor, 'Leaving');
    await deleteMembership(tx, organizationId, userId);
    await audit(ctx, tx, { organizationId, actorId: userId, action: 'member_left', subjectUserId: userId, role: actor.role });
    await announceMembership(ctx, tx, organizationId, userId, null);
  });
  refreshLoaders(ctx.loaders);
  return true;
}

/** An owner hands over: the other member becomes an owner, the caller an admin. */
export async function transferOwnership(ctx: WriteContext, organizationId: string, toUserId: string): Promise<OrganizationRow> {
  const actorId = ctx.auth.require('tenancy:write').userId;
  const organization = await ctx.db.transaction(async (tx) => {
    const { organization, actor } = await lockForChange(tx, organizationId, actorId);
    if (actor.role !== 'owner') throw new ConflictError('Only an owner can transfer ownership.');
    if (toUserId === actorId) throw new ConflictError('You already own this organization; name another member.');
    const target = await requireMember(tx, organizationId, toUserId);
    await updateMembershipRole(tx, organizationId, toUserId, 'owner');
    await updateMembershipRole(tx, organizationId, actorId, 'admin');
    await audit(ctx, tx, { organizationId, actorId, action: 'ownership_transferred', subjectUserId: toUserId, role: 'owner', previousRole: target.role });
    await announceMembership(ctx, tx, organizationId, toUserId, 'owner');
    await announceMembership(ctx, tx, organizationId, actorId, 'admin');
    return organization;
  });
  refreshLoaders(ctx.loaders);
  return organization;
}

/** Members of an organisation the viewer belongs to. */
export async function listMembers(ctx: Pick<Context, 'auth' | 'loaders'>, organizationId: string): Promise<MembershipRow[]> {
  ctx.auth.require('tenancy:read');
  await requireMembership(ctx, organizationId);
  return ctx.loaders.membersOf.load(organizationId);
}

/** A user's memberships: their own, or anyone's for admins (the SDL's `self`/`admin` policy, checked again). */
export async function listMembershipsOf(ctx: Pick<Context, 'auth' | 'loaders'>, userId: string): Promise<MembershipRow[]> {
  ctx.auth.require('tenancy:read');
  ctx.auth.requireOwnerOrAdmin(userId, 'organizations');
  return ctx.loaders.membershipsOf.load(userId);
}

export async function auditLog(ctx: Pick<Context, 'auth' | 'loaders' | 'db'>, organizationId: string, first: number): Promise<AuditEventRow[]> {
  ctx.auth.require('tenancy:read');
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new UserInputError('first must be between 1 and 100.', 'first');
  await requireManager(ctx, organizationId);
  return findAuditEvents(ctx.db, organizationId, first);
}
