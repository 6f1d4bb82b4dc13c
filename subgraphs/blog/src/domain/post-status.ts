import { ConflictError, refreshLoaders, UserInputError, written, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { lockDuePosts, lockPost, updatePost } from '../data/post-repo';
import type { PostRow, PostStatus } from '../data/tables';
import type { BlogOutbox } from '../events';
import { assertMayEdit } from './access';

type StatusContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>;

/**
 * Publishing sets `publishedAt` the first time only: re-publishing an archived post keeps its
 * date (feeds and readers would otherwise see an old post as new).
 */
async function markPublished(tx: Db, events: BlogOutbox, post: PostRow, at: Date): Promise<PostRow> {
  const published = await updatePost(tx, post.id, { status: 'published', publishAt: null, publishedAt: post.publishedAt ?? at, updatedAt: at });
  await events.emit(tx, 'post.published', {
    postId: published.id,
    authorId: published.authorId,
    slug: published.slug,
    title: published.title,
    tags: published.tags,
    publishedAt: published.publishedAt!.toISOString(),
  });
  return published;
}

async function transition(ctx: StatusContext, postId: string, change: (tx: Db, post: PostRow) => Promise<PostRow>): Promise<PostRow> {
  const post = await ctx.db.transaction(async (tx) => {
    const current = await lockPost(tx, postId);
    assertMayEdit(ctx.auth, current);
    return change(tx, current);
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.postById, post.id, post));
  return post;
}

const refuseSame = (post: PostRow, status: PostStatus, what: string) => {
  if (post.status === status) throw new ConflictError(`The post is already ${what}.`, { status: status.toUpperCase() });
};

export const publishPost = (ctx: StatusContext, postId: string) =>
  transition(ctx, postId, (tx, post) => {
    refuseSame(post, 'published', 'published');
    return markPublished(tx, ctx.events, post, ctx.now());
  });

/** To be published at `at` by the scheduler; a post already public must be unpublished first. */
export const schedulePost = (ctx: StatusContext, postId: string, rawAt: string) =>
  transition(ctx, postId, async (tx, post) => {
    const at = new Date(rawAt);
    if (Number.isNaN(at.getTime())) throw new UserInputError('at: must be an ISO-8601 date and time.', 'at');
    if (at.getTime() <= ctx.now().getTime()) throw new UserInputError('at: must be in the future; use publishPost to publish now.', 'at');
    if (post.status === 'published') throw new ConflictError('The post is published; unpublish it before scheduling it.');
    return updatePost(tx, post.id, { status: 'scheduled', publishAt: at, updatedAt: ctx.now() });
  });

export const unpublishPost = (ctx: StatusContext, postId: string) =>
  transition(ctx, postId, async (tx, post) => {
    refuseSame(post, 'draft', 'a draft');
    const draft = await updatePost(tx, post.id, { status: 'draft', publishAt: null, updatedAt: ctx.now() });
    if (post.status === 'published') await ctx.events.emit(tx, 'post.unpublished', { postId: post.id, status: 'draft' });
    return draft;
  });

export const archivePost = (ctx: StatusContext, postId: string) =>
  transition(ctx, postId, async (tx, post) => {
    refuseSame(post, 'archived', 'archived');
    const archived = await updatePost(tx, post.id, { status: 'archived', publishAt: null, updatedAt: ctx.now() });
    if (post.status === 'published') await ctx.events.emit(tx, 'post.unpublished', { postId: post.id, status: 'archived' });
    return archived;
  });

/**
 * The scheduler's one step: publishes every scheduled post that is due, in batches, each batch in
 * one transaction. `FOR UPDATE SKIP LOCKED` lets several replicas run it at once: each due post is
 * taken by exactly one of them, and nobody waits. The schedule lives in the table, so a restart
 * (or a replica that was down at the time) publishes late posts on its next step.
 */
export async function publishDuePosts(db: Db, events: BlogOutbox, now: Date, batchSize = 50): Promise<PostRow[]> {
  const published: PostRow[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await lockDuePosts(tx, now, batchSize);
      const done: PostRow[] = [];
      // Published at the time it was scheduled for, not when the step happened to run.
      for (const post of due) done.push(await markPublished(tx, events, post, post.publishAt ?? now));
      return done;
    });
    published.push(...batch);
    if (batch.length < batchSize) return published;
  }
}
