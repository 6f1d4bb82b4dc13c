import { decodeCursor, decodeId, ForbiddenError, pageSize, toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../context';
import { findPostIdBySlug, findPostPage, type RankedPost } from '../data/post-repo';
import type { PostRow, PostStatus } from '../data/tables';
import { isEditor, maySee } from './access';

type ReadContext = Pick<Context, 'auth' | 'loaders' | 'db'>;

/** `Query.post` and `_entities`: the post if the caller may see it, else null (a hidden post looks missing). */
export async function findVisiblePost(ctx: Pick<Context, 'auth' | 'loaders'>, postId: string): Promise<PostRow | null> {
  const post = await ctx.loaders.postById.load(postId);
  return post && maySee(ctx.auth, post) ? post : null;
}

/** By the current slug or any earlier one. */
export async function findPostBySlug(ctx: ReadContext, slug: string): Promise<PostRow | null> {
  const postId = await findPostIdBySlug(ctx.db, slug.trim().toLowerCase());
  return postId ? findVisiblePost(ctx, postId) : null;
}

/**
 * Who may list which status: published posts are everyone's; other statuses need a signed-in
 * caller, and authors see only their own. Returns the author filter to apply.
 */
function authorScope(ctx: Pick<Context, 'auth'>, status: PostStatus, requestedAuthorId: string | null): string | null {
  if (status === 'published') return requestedAuthorId;
  const viewer = ctx.auth.signedIn();
  if (isEditor(ctx.auth)) return requestedAuthorId;
  if (requestedAuthorId && requestedAuthorId !== viewer.userId) {
    throw new ForbiddenError("Only editors and admins see other authors' unpublished posts; ask for your own, or for PUBLISHED.");
  }
  return viewer.userId;
}

const filterInput = z
  .object({
    search: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
    tag: z.string().trim().toLowerCase().max(40, 'must be at most 40 characters').nullish(),
    authorId: z.string().nullish(),
    status: z.enum(['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED']).nullish(),
  })
  .nullish();

const keyOf = (searching: boolean) => (row: RankedPost) => {
  const sortAt = (row.status === 'published' ? row.publishedAt! : row.updatedAt).toISOString();
  return searching ? [row.rank ?? 0, sortAt, row.id] : [sortAt, row.id];
};

/** `Query.posts`: a page, newest first (most relevant first when searching). */
export async function listPosts(ctx: ReadContext, rawFilter: unknown, args: PageArgs): Promise<Connection<PostRow>> {
  const filter = validate(filterInput, rawFilter, 'filter') ?? {};
  const status = (filter.status?.toLowerCase() ?? 'published') as PostStatus;
  const requestedAuthor = filter.authorId ? decodeId('User', filter.authorId, 'filter.authorId') : null;
  const authorId = authorScope(ctx, status, requestedAuthor);
  const search = filter.search || null;
  const limit = pageSize(args.first);
  const after = args.after ? (decodeCursor(args.after, search ? 3 : 2) as (string | number)[]) : null;
  const rows = await findPostPage(ctx.db, { status, authorId, tag: filter.tag || null, search, limit, after });
  for (const row of rows) ctx.loaders.postById.prime(row.id, row);
  return toConnection(rows, limit, keyOf(Boolean(search)), args.after);
}

/** `User.posts`: one author's posts; batched across users by the loader. */
export async function listAuthorPosts(ctx: Pick<Context, 'auth' | 'loaders'>, authorId: string, rawStatus: string | null | undefined, args: PageArgs): Promise<Connection<PostRow>> {
  const status = (rawStatus?.toLowerCase() ?? 'published') as PostStatus;
  if (status !== 'published' && !(ctx.auth.viewer && (ctx.auth.viewer.userId === authorId || isEditor(ctx.auth)))) {
    throw new ForbiddenError('Only the author, editors and admins see unpublished posts; ask for PUBLISHED.');
  }
  const limit = pageSize(args.first);
  const after = args.after ? (decodeCursor(args.after, 2) as [string, string]) : null;
  const rows = await ctx.loaders.authorPosts.load({ parentId: authorId, query: { status, limit, after } });
  for (const row of rows) ctx.loaders.postById.prime(row.id, row);
  return toConnection(rows, limit, (row) => [(status === 'published' ? row.publishedAt! : row.updatedAt).toISOString(), row.id], args.after);
}
