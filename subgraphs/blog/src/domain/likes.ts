import { NotFoundError, refreshLoaders, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { findCommentsByIds } from '../data/comment-repo';
import { addCommentLike, addPostLike, removeCommentLike, removePostLike } from '../data/like-repo';
import { lockPost } from '../data/post-repo';
import { maySee } from './access';

type LikeContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>;

export interface LikeResult {
  liked: boolean;
  likeCount: number;
}

/**
 * Likes and unlikes are idempotent: liking twice leaves one like (and emits one event). The post
 * row is locked first, so concurrent likes of one post serialise and the count equals the rows.
 */
async function onPublishedPost(tx: Db, ctx: LikeContext, postId: string) {
  const post = await lockPost(tx, postId);
  if (!post || !maySee(ctx.auth, post) || post.status !== 'published') throw new NotFoundError('Post');
  return post;
}

export async function setPostLike(ctx: LikeContext, postId: string, liked: boolean): Promise<LikeResult> {
  const userId = ctx.auth.require('blog:comment').userId;
  const result = await ctx.db.transaction(async (tx) => {
    await onPublishedPost(tx, ctx, postId);
    const outcome = liked ? await addPostLike(tx, postId, userId, ctx.now()) : await removePostLike(tx, postId, userId);
    if (outcome.changed) await ctx.events.emit(tx, liked ? 'post.liked' : 'post.unliked', { postId, userId, likeCount: outcome.likeCount });
    return { liked, likeCount: outcome.likeCount };
  });
  refreshLoaders(ctx.loaders);
  return result;
}

export async function setCommentLike(ctx: LikeContext, commentId: string, liked: boolean): Promise<LikeResult> {
  const userId = ctx.auth.require('blog:comment').userId;
  const result = await ctx.db.transaction(async (tx) => {
    const [comment] = await findCommentsByIds(tx, [commentId]);
    if (!comment || comment.status !== 'approved' || comment.deletedAt) throw new NotFoundError('Comment');
    await onPublishedPost(tx, ctx, comment.postId);
    const outcome = liked ? await addCommentLike(tx, commentId, userId, ctx.now()) : await removeCommentLike(tx, commentId, userId);
    if (outcome.changed) await ctx.events.emit(tx, liked ? 'comment.liked' : 'comment.unliked', { commentId, postId: comment.postId, userId, likeCount: outcome.likeCount });
    return { liked, likeCount: outcome.likeCount };
  });
  refreshLoaders(ctx.loaders);
  return result;
}
