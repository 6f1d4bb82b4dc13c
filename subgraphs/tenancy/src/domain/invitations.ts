import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, encodeId, isUniqueViolation, NotFoundError, refreshLoaders, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { countOpenInvitations, findInvitation, findInvitationByTokenHash, insertInvitation, markInvitation, revokeExpiredInvitation } from '../data/invitations-repo';
import { countMembers, findMembership, insertMembership } from '../data/memberships-repo';
import { lockOrganization } from '../data/organizations-repo';
import type { InvitationRow, MembershipRow } from '../data/tables';
import { assertManager, assertMayGrant, lockForChange } from './member-guards';
import { mailInvitation } from './invitation-mail';
import { announceMembership, audit } from './membership-changes';
import { assertMemberQuota } from './plans';
import { requireManager } from './organizations';
import { ROLES } from './roles';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'events'>;

const inviteInput = z.object({
  organizationId: z.string(),
  email: z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address')),
  role: z.enum(ROLES),
});

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Invites an address with a role: owners and admins only, never above their own role, and only
 * while members plus open invitations stay within the plan. The token is returned once; only its
 * hash is stored. A new invitation to the same address replaces an expired one.
 */
export async function inviteMember(ctx: WriteContext & Pick<Context, 'mailer' | 'log'>, input: unknown): Promise<{ invitation: InvitationRow; token: string }> {
  const inviterId = ctx.auth.require('tenancy:write').userId;
  const values = validate(inviteInput, input);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const { invitation, organization } = await ctx.db.transaction(async (tx) => {
    const { organization, actor } = await lockForChange(tx, values.organizationId, inviterId);
    assertManager(actor);
    assertMayGrant(actor, values.role);
    assertMemberQuota(organization.plan, (await countMembers(tx, organization.id)) + (await countOpenInvitations(tx, organization.id, now)) + 1);
    await revokeExpiredInvitation(tx, organization.id, values.email, now);
    let row: InvitationRow;
    try {
      row = await tx.transaction((inner) =>
        insertInvitation(inner, {
          id: uuidv7(now.getTime()),
          organizationId: organization.id,
          email: values.email,
          role: values.role,
          invitedBy: inviterId,
          tokenHash: hashToken(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + ctx.settings.invitationTtlMs),
          acceptedAt: null,
          acceptedBy: null,
          revokedAt: null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'invitations_open_email_key')) throw new ConflictError(`${values.email} already has an open invitation; revoke it to send a new one.`, { field: 'input.email' });
      throw error;
    }
    await audit(ctx, tx, { organizationId: organization.id, actorId: inviterId, action: 'member_invited', subjectEmail: values.email, role: values.role });
    return { invitation: row, organization };
  });
  refreshLoaders(ctx.loaders);
  await mailInvitation(ctx, invitation, organization, token);
  return { invitation, token };
}

/** Withdraws an open invitation (owners and admins of its organisation). */
export async function revokeInvitation(ctx: WriteContext, invitationId: string): Promise<true> {
  const actorId = ctx.auth.require('tenancy:write').userId;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const invitation = await findInvitation(tx, invitationId);
    if (!invitation) throw new NotFoundError('Invitation', encodeId('Invitation', invitationId));
    const { actor } = await lockForChange(tx, invitation.organizationId, actorId).catch(() => {
      throw new NotFoundError('Invitation', encodeId('Invitation', invitationId));
    });
    assertManager(actor);
    if (invitation.acceptedAt || invitation.revokedAt) throw new ConflictError('This invitation was already accepted or revoked.');
    assertMayGrant(actor, invitation.role);
    await markInvitation(tx, invitation.id, { revokedAt: now });
    await audit(ctx, tx, { organizationId: invitation.organizationId, actorId, action: 'invitation_revoked', subjectEmail: invitation.email, role: invitation.role });
  });
  refreshLoaders(ctx.loaders);
  return true;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Joins the invitation's organisation with its role. The token is the proof (it went to the
 * address); it works once and not after it expired. Already a member → CONFLICT, nothing changes.
 */
export async function acceptInvitation(ctx: WriteContext, token: string): Promise<MembershipRow> {
  const userId = ctx.auth.require('tenancy:write').userId;
  if (!TOKEN_SHAPE.test(token)) throw new UserInputError('token must be the invitation token you were sent.', 'token');
  const now = ctx.now();
  const membership = await ctx.db.transaction(async (tx) => {
    const invitation = await findInvitationByTokenHash(tx, hashToken(token));
    if (!invitation || invitation.revokedAt || invitation.acceptedAt) throw new NotFoundError('Invitation');
    if (invitation.expiresAt <= now) throw new ConflictError('This invitation has expired. Ask for a new one.');
    const organization = await lockOrganization(tx, invitation.organizationId);
    if (!organization) throw new NotFoundError('Invitation');
    if (await findMembership(tx, organization.id, userId)) throw new ConflictError('You are already a member of this organization.');
    // The invitation already holds its place in the quota; a plan downgraded meanwhile may not.
    assertMemberQuota(organization.plan, (await countMembers(tx, organization.id)) + 1);
    await markInvitation(tx, invitation.id, { acceptedAt: now, acceptedBy: userId });
    const row = await insertMembership(tx, { organizationId: organization.id, userId, role: invitation.role, joinedAt: now });
    await audit(ctx, tx, { organizationId: organization.id, actorId: userId, action: 'invitation_accepted', subjectUserId: userId, subjectEmail: invitation.email, role: invitation.role });
    await announceMembership(ctx, tx, organization.id, userId, invitation.role);
    return row;
  });
  refreshLoaders(ctx.loaders);
  return membership;
}

/** Open invitations, for owners and admins. */
export async function pendingInvitations(ctx: Pick<Context, 'auth' | 'loaders'>, organizationId: string): Promise<InvitationRow[]> {
  ctx.auth.require('tenancy:read');
  await requireManager(ctx, organizationId);
  return ctx.loaders.openInvitationsOf.load(organizationId);
}
