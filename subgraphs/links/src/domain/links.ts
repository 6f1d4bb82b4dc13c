import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countLinksOf, insertLink } from '../data/link-repo';
import type { LinkRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a link for the caller; refused once they hold the configured maximum. */
export async function createLink(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<LinkRow> {
  const ownerId = ctx.auth.require('links:write').userId;
  const { name } = validate(createInput, input);
  if ((await countLinksOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} links, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertLink(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.linkById, row.id, row));
  return row;
}

/** The caller's link, or null: someone else's looks exactly like a missing one. */
export async function findOwnLink(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<LinkRow | null> {
  const viewer = ctx.auth.require('links:read');
  const row = await ctx.loaders.linkById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: LinkRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.links`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listLinks(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<LinkRow>> {
  ctx.auth.require('links:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'links');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.linkPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.linkById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
