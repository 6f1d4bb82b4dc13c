import { z } from 'zod';
import { ConflictError, decodeCursor, pageSize, refreshLoaders, toConnection, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countPostsOf, insertPost } from '../data/post-repo';
import type { PostRow } from '../data/tables';

const createInput = z.object({ name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') });

/** Adds a post for the caller; refused once they hold the configured maximum. */
export async function createPost(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings'>, input: unknown): Promise<PostRow> {
  const ownerId = ctx.auth.require('blog:write').userId;
  const { name } = validate(createInput, input);
  if ((await countPostsOf(ctx.db, ownerId)) >= ctx.settings.maxPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxPerUser} posts, the most one account may keep.`);
  }
  const now = ctx.now();
  const row = await insertPost(ctx.db, { id: uuidv7(now.getTime()), ownerId, name, createdAt: now });
  refreshLoaders(ctx.loaders, written(ctx.loaders.postById, row.id, row));
  return row;
}

/** The caller's post, or null: someone else's looks exactly like a missing one. */
export async function findOwnPost(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<PostRow | null> {
  const viewer = ctx.auth.require('blog:read');
  const row = await ctx.loaders.postById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

const cursorKey = (row: PostRow) => [row.createdAt.toISOString(), row.id] as const;

/** `User.posts`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listPosts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<PostRow>> {
  ctx.auth.require('blog:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'posts');
  const limit = pageSize(args.first);
  const [createdAt, id] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
  const after = createdAt && id ? { createdAt, id } : null;
  const rows = await ctx.loaders.postPage.load({ parentId: ownerId, query: { limit, after } });
  for (const row of rows) ctx.loaders.postById.prime(row.id, row);
  return toConnection(rows, limit, cursorKey, args.after);
}
