import { ADMIN_ROLE, decodeCursor, pageSize, toConnection, UserInputError, validate, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import type { LinkOrderField } from '../data/links-repo';
import type { LinkRow } from '../data/tables';
import { codeKeyOf } from './codes';
import { linkFilterInput } from './link-input';

type Ctx = Pick<Context, 'auth' | 'loaders' | 'requestedAt'>;

const visible = (ctx: Ctx, row: LinkRow | null) => (row && (row.ownerId === ctx.auth.viewer?.userId || ctx.auth.hasRole(ADMIN_ROLE)) ? row : null);

/** The caller's link (or any, for admins), or null: someone else's looks exactly like a missing one. */
export async function findLink(ctx: Ctx, id: string): Promise<LinkRow | null> {
  ctx.auth.require('links:read');
  return visible(ctx, await ctx.loaders.linkById.load(id));
}

export async function findLinkByCode(ctx: Ctx, code: string): Promise<LinkRow | null> {
  ctx.auth.require('links:read');
  if (code.length > 64) return null;
  return visible(ctx, await ctx.loaders.linkByCodeKey.load(codeKeyOf(code)));
}

export interface ListArgs extends PageArgs {
  filter?: unknown;
  orderBy?: { field?: LinkOrderField | null; direction?: 'ASC' | 'DESC' | null } | null;
}

/** `User.links`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listLinks(ctx: Ctx, ownerId: string, args: ListArgs): Promise<Connection<LinkRow>> {
  ctx.auth.require('links:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'links');
  const limit = pageSize(args.first);
  const filter = validate(linkFilterInput, args.filter, 'filter') ?? {};
  const field = args.orderBy?.field ?? 'CREATED_AT';
  const descending = (args.orderBy?.direction ?? 'DESC') === 'DESC';
  const after = args.after ? cursorPosition(args.after, field) : null;
  // The request's own instant, so every user's page shares one query (and one statement).
  const now = ctx.requestedAt.getTime();
  const rows = await ctx.loaders.linkPage.load({ parentId: ownerId, query: { limit, order: { field, descending }, after, filter, now } });
  for (const row of rows) ctx.loaders.linkById.prime(row.id, row);
  const cursorOf = (row: LinkRow) => [field === 'VISIT_COUNT' ? row.visitCount : row.createdAt.toISOString(), row.id] as const;
  return toConnection(rows, limit, cursorOf, args.after);
}

/** A cursor made by a list in the same order: (sort value, id). */
function cursorPosition(cursor: string, field: LinkOrderField): { value: string | number; id: string } {
  const [value, id] = decodeCursor(cursor, 2);
  const fits = field === 'VISIT_COUNT' ? Number.isInteger(value) : typeof value === 'string' && !Number.isNaN(Date.parse(value));
  if (!fits || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new UserInputError('"after" is not a cursor of a list in this order. Start again without it.', 'after');
  }
  return { value: value as string | number, id };
}
