import { z } from 'zod';
import { ConflictError, isUniqueViolation, NotFoundError, encodeId, refreshLoaders, uuidv7, validate, written, ForbiddenError, UserInputError, type Viewer } from '@mosaic/kit';
import type { Context } from '../context';
import { countOrganizationsCreatedBy, findOrganizationBySlug as findBySlug, insertOrganization } from '../data/organizations-repo';
import { insertMembership } from '../data/memberships-repo';
import type { MembershipRow, OrganizationRow } from '../data/tables';
import { announceMembership, announcePlan, audit } from './membership-changes';
import { DEFAULT_PLAN } from './plans';
import { managesMembers } from './roles';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const createInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  slug: z.string().regex(SLUG, 'must be 1 to 63 lower-case letters, digits and dashes, not starting or ending with a dash').nullish(),
});

/** "Acme Corp." → "acme-corp"; empty when nothing is left (then the caller must give one). */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** Creates an organisation on the default plan with the caller as its first owner. */
export async function createOrganization(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'events'>, input: unknown): Promise<OrganizationRow> {
  const userId = ctx.auth.require('tenancy:write').userId;
  const values = validate(createInput, input);
  const slug = values.slug ?? slugFrom(values.name);
  if (!SLUG.test(slug)) throw new UserInputError('This name gives no usable slug; pass `slug` (lower-case letters, digits and dashes).', 'input.slug');
  const now = ctx.now();
  const row: OrganizationRow = { id: uuidv7(now.getTime()), name: values.name, slug, plan: DEFAULT_PLAN, createdBy: userId, createdAt: now };
  try {
    await ctx.db.transaction(async (tx) => {
      if ((await countOrganizationsCreatedBy(tx, userId)) >= ctx.settings.maxOrganizationsPerUser) {
        throw new ConflictError(`You already created ${ctx.settings.maxOrganizationsPerUser} organizations, the most one account may.`);
      }
      await insertOrganization(tx, row);
      await insertMembership(tx, { organizationId: row.id, userId, role: 'owner', joinedAt: now });
      await audit(ctx, tx, { organizationId: row.id, actorId: userId, action: 'organization_created', subjectUserId: userId, role: 'owner' });
      await announceMembership(ctx, tx, row.id, userId, 'owner');
      await announcePlan(ctx, tx, row.id, row.plan);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'organizations_slug_key')) throw new ConflictError(`The slug "${slug}" is taken; choose another.`, { field: 'input.slug' });
    throw error;
  }
  refreshLoaders(ctx.loaders, written(ctx.loaders.organizationById, row.id, row));
  return row;
}

type ReadContext = Pick<Context, 'auth' | 'loaders'>;

/** The viewer's membership of the organisation, or null (not a member, or no such organisation). */
export async function viewerMembership(ctx: ReadContext, organizationId: string, viewer: Viewer = ctx.auth.signedIn()): Promise<MembershipRow | null> {
  const members = await ctx.loaders.membersOf.load(organizationId);
  return members.find((member) => member.userId === viewer.userId) ?? null;
}

/** The organisation if the viewer belongs to it; anyone else's looks exactly like a missing one. */
export async function findOrganization(ctx: ReadContext, organizationId: string): Promise<OrganizationRow | null> {
  ctx.auth.require('tenancy:read');
  const [row, membership] = await Promise.all([ctx.loaders.organizationById.load(organizationId), viewerMembership(ctx, organizationId)]);
  return row && membership ? row : null;
}

export async function findOrganizationBySlug(ctx: ReadContext & Pick<Context, 'db'>, slug: string): Promise<OrganizationRow | null> {
  ctx.auth.require('tenancy:read');
  const row = await findBySlug(ctx.db, slug.toLowerCase());
  if (!row) return null;
  ctx.loaders.organizationById.prime(row.id, row);
  return findOrganization(ctx, row.id);
}

/** The viewer's membership, required; NOT_FOUND for non-members (so ids reveal nothing). */
export async function requireMembership(ctx: ReadContext, organizationId: string): Promise<MembershipRow> {
  const membership = await viewerMembership(ctx, organizationId);
  if (!membership) throw new NotFoundError('Organization', encodeId('Organization', organizationId));
  return membership;
}

/** The viewer's membership as an owner or admin; FORBIDDEN for other members. */
export async function requireManager(ctx: ReadContext, organizationId: string): Promise<MembershipRow> {
  const membership = await requireMembership(ctx, organizationId);
  if (!managesMembers(membership.role)) throw new ForbiddenError('Only owners and admins of this organization can do this.');
  return membership;
}
