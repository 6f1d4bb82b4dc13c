import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countOrganizationsOf, insertOrganization } from '../data/organization-repo';
import type { OrganizationRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a organization for the caller; refused once they hold the configured maximum. */
export async function createOrganization(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<OrganizationRow> {
  const ownerId = ctx.auth.require('tenancy:write').userId;
  const { name } = validate(createInput, input);
  if ((await countOrganizationsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} organizations, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertOrganization(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.organizationById, row.id, row));
  return row;
}

/** The caller's organization, or null: someone else's looks exactly like a missing one. */
export async function findOwnOrganization(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<OrganizationRow | null> {
  const viewer = ctx.auth.require('tenancy:read');
  const row = await ctx.loaders.organizationById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: OrganizationRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.organizations`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listOrganizations(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<OrganizationRow>> {
  ctx.auth.require('tenancy:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'organizations');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.organizationPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.organizationById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
