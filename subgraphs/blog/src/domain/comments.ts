import { z } from 'zod';
import { decodeCursor, ForbiddenError, NotFoundError, pageSize, RateLimitedError, refreshLoaders, toConnection, UserInputError, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import type { Context } from '../context';
import { countCommentsSince, findCommentsByIds, findPendingPage, insertComment, lockCommenter, lockComment, setCommentStatus, updateComment } from '../data/comment-repo';
import { findPostsByIds } from '../data/post-repo';
import type { CommentRow, CommentStatus } from '../data/tables';
import { isEditor, maySee, maySeeComment } from './access';
import { renderCommentMarkdown } from '@mosaic/markdown';

type CommentContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events' | 'settings'>;

const body = z.string().trim().min(1, 'must not be empty').max(5_000, 'must be at most 5000 characters');

export interface AddCommentCommand {
  postId: string;
  parentId: string | null;
  bodyMarkdown: unknown;
}

/**
 * A comment on a published post (a reply must be to a visible comment of the same post). Readers'
 * comments wait for an editor when BLOG_COMMENT_APPROVAL=required; editors' and admins' appear at
 * once. At most BLOG_COMMENT_RATE_LIMIT per user per window (moderators are exempt), counted under
 * a per-user lock so concurrent requests cannot slip past it.
 */
export async function addComment(ctx: CommentContext, command: AddCommentCommand): Promise<CommentRow> {
  const authorId = ctx.auth.require('blog:comment').userId;
  const text = validate(body, command.bodyMarkdown, 'input.bodyMarkdown');
  const now = ctx.now();
  const { count, windowSeconds } = ctx.settings.commentRateLimit;
  const comment = await ctx.db.transaction(async (tx) => {
    const [post] = await findPostsByIds(tx, [command.postId]);
    if (!post || !maySee(ctx.auth, post)) throw new NotFoundError('Post');
    if (post.status !== 'published') throw new UserInputError('input.postId: comments open when the post is published.', 'input.postId');
    if (command.parentId) {
      const [parent] = await findCommentsByIds(tx, [command.parentId]);
      if (!parent || parent.postId !== post.id || !maySeeComment(ctx.auth, parent)) throw new UserInputError('input.parentId: reply to a comment of the same post.', 'input.parentId');
      if (parent.deletedAt) throw new UserInputError('input.parentId: that comment was deleted; reply to the post or another comment.', 'input.parentId');
    }
    await lockCommenter(tx, authorId);
    if (!isEditor(ctx.auth) && (await countCommentsSince(tx, authorId, new Date(now.getTime() - windowSeconds * 1000))) >= count) {
      throw new RateLimitedError(`You can post ${count} comments every ${windowSeconds} seconds; wait a little and try again.`, windowSeconds);
    }
    const status: CommentStatus = ctx.settings.commentApproval === 'none' || isEditor(ctx.auth) ? 'approved' : 'pending';
    const inserted = await insertComment(tx, {
      id: uuidv7(now.getTime()),
      postId: post.id,
      authorId,
      parentId: command.parentId,
      bodyMarkdown: text,
      bodyHtml: renderCommentMarkdown(text),
      status,
      likeCount: 0,
      moderatedBy: status === 'approved' ? authorId : null,
      moderatedAt: status === 'approved' ? now : null,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
    });
    await ctx.events.emit(tx, 'comment.added', { commentId: inserted.id, postId: post.id, authorId, parentId: inserted.parentId, status, createdAt: now.toISOString() });
    return inserted;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.commentById, comment.id, comment));
  return comment;
}

/** The caller's own comment, visible to them; NOT_FOUND otherwise (someone else's hidden comment looks missing). */
async function lockOwnable(ctx: CommentContext, tx: Context['db'], commentId: string): Promise<CommentRow> {
  const comment = await lockComment(tx, commentId);
  if (!comment || !maySeeComment(ctx.auth, comment) || comment.deletedAt) throw new NotFoundError('Comment');
  return comment;
}

/** New text for one's own comment. A rejected or spam comment cannot be edited back into view. */
export async function editComment(ctx: CommentContext, commentId: string, rawBody: unknown): Promise<CommentRow> {
  const viewerId = ctx.auth.require('blog:comment').userId;
  const text = validate(body, rawBody, 'bodyMarkdown');
  const comment = await ctx.db.transaction(async (tx) => {
    const current = await lockOwnable(ctx, tx, commentId);
    if (current.authorId !== viewerId) throw new ForbiddenError('You can only edit your own comments.');
    if (current.bodyMarkdown === text) return current;
    return updateComment(tx, commentId, { bodyMarkdown: text, bodyHtml: renderCommentMarkdown(text), editedAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.commentById, comment.id, comment));
  return comment;
}

/** Soft delete (replies keep their place): one's own comment, or any for editors and admins. */
export async function deleteComment(ctx: CommentContext, commentId: string): Promise<CommentRow> {
  const viewerId = ctx.auth.require('blog:comment').userId;
  const comment = await ctx.db.transaction(async (tx) => {
    const current = await lockOwnable(ctx, tx, commentId);
    if (current.authorId !== viewerId && !isEditor(ctx.auth)) throw new ForbiddenError('You can only delete your own comments.');
    return updateComment(tx, commentId, { bodyMarkdown: '', bodyHtml: '', deletedAt: ctx.now() });
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.commentById, comment.id, comment));
  return comment;
}

const DECISION: Record<string, 'approved' | 'rejected' | 'spam'> = { APPROVE: 'approved', REJECT: 'rejected', SPAM: 'spam' };

/** Editors and admins decide on a comment (any status: a spam verdict can be reverted). */
export async function moderateComment(ctx: CommentContext, commentId: string, decision: string): Promise<CommentRow> {
  const moderatorId = ctx.auth.require('blog:moderate').userId;
  if (!isEditor(ctx.auth)) throw new ForbiddenError('Only editors and admins moderate comments.');
  const status = DECISION[decision];
  if (!status) throw new UserInputError('decision: APPROVE, REJECT or SPAM.', 'decision');
  const comment = await ctx.db.transaction(async (tx) => {
    const current = await lockComment(tx, commentId);
    if (!current || current.deletedAt) throw new NotFoundError('Comment');
    if (current.status === status) return current;
    const moderated = await setCommentStatus(tx, commentId, status, moderatorId, ctx.now());
    await ctx.events.emit(tx, 'comment.moderated', { commentId, postId: current.postId, status, previousStatus: current.status, moderatorId });
    return moderated;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.commentById, comment.id, comment));
  return comment;
}

const threadCursor = (row: CommentRow) => [row.createdAt.toISOString(), row.id];
const threadAfter = (after: string | null | undefined) => (after ? (decodeCursor(after, 2) as [string, string]) : null);

/** Top-level comments of a post, or replies to a comment: batched over every parent on the page. */
export async function listThread(ctx: Pick<Context, 'auth' | 'loaders'>, level: 'top' | 'replies', parentId: string, args: PageArgs): Promise<Connection<CommentRow>> {
  const limit = pageSize(args.first);
  const query = { includePending: isEditor(ctx.auth), limit, after: threadAfter(args.after) };
  const rows = await (level === 'top' ? ctx.loaders.topComments : ctx.loaders.replies).load({ parentId, query });
  for (const row of rows) ctx.loaders.commentById.prime(row.id, row);
  return toConnection(rows, limit, threadCursor, args.after);
}

export async function moderationQueue(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, args: PageArgs): Promise<Connection<CommentRow>> {
  ctx.auth.require('blog:moderate');
  if (!isEditor(ctx.auth)) throw new ForbiddenError('Only editors and admins moderate comments.');
  const limit = pageSize(args.first);
  const rows = await findPendingPage(ctx.db, limit, threadAfter(args.after));
  for (const row of rows) ctx.loaders.commentById.prime(row.id, row);
  return toConnection(rows, limit, threadCursor, args.after);
}

/** `_entities` / `Comment.parent`: a comment the caller may see on a post they may see. */
export async function findVisibleComment(ctx: Pick<Context, 'auth' | 'loaders'>, commentId: string): Promise<CommentRow | null> {
  const comment = await ctx.loaders.commentById.load(commentId);
  if (!comment || !maySeeComment(ctx.auth, comment)) return null;
  const post = await ctx.loaders.postById.load(comment.postId);
  return post && maySee(ctx.auth, post) ? comment : null;
}
