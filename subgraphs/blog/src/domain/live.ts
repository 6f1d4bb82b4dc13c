import { encodeId, NotFoundError, refreshLoaders, topicStream, type DeliveredEvent, type PubSub } from '@mosaic/kit';
import type { Context } from '../context';
import type { CommentRow } from '../data/tables';
import type { blogEvents } from '../events';
import { maySee } from './access';

/** What travels through pub/sub for a comment that became visible; the stream loads the comment itself. */
export interface CommentAddedPayload {
  eventId: string;
  postId: string;
  commentId: string;
}

export const commentsTopic = (postId: string) => `blog.post.${postId}.comments`;
const BUFFER_LIMIT = 500;
const REMEMBERED_EVENTS = 1_000;

/**
 * The relay's consumer for live streams: a comment that became public — added approved, or
 * approved by an editor — to its post's topic, on every replica. Events come from the outbox, so
 * a committed comment always reaches the streams, in order per post.
 */
export function fanOutCommentAdded(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof blogEvents, 'comment.added' | 'comment.moderated'>): Promise<void> => {
    const { payload } = event;
    if (payload.status !== 'approved') return;
    if (event.type === 'comment.moderated' && 'previousStatus' in payload && payload.previousStatus === 'approved') return;
    await pubsub.publish(commentsTopic(payload.postId), { eventId: event.id, postId: payload.postId, commentId: payload.commentId } satisfies CommentAddedPayload);
  };
}

/**
 * A published post's new comments. Every subscriber sees the same public events, so the gateway
 * may serve them all from one upstream subscription (the share key).
 */
export async function openCommentAdded(ctx: Pick<Context, 'auth' | 'loaders' | 'pubsub'>, postId: string): Promise<AsyncIterableIterator<CommentAddedPayload>> {
  const post = await ctx.loaders.postById.load(postId);
  if (!post || !maySee(ctx.auth, post) || post.status !== 'published') throw new NotFoundError('Post');
  const stream = await topicStream<CommentAddedPayload>(ctx.pubsub, commentsTopic(postId), { shareKey: `blog-post-comments:${encodeId('Post', postId)}`, bufferLimit: BUFFER_LIMIT });
  return withoutRepeats(stream);
}

/** Delivery is at least once: a redelivered event is dropped by id. */
function withoutRepeats(stream: AsyncIterableIterator<CommentAddedPayload>): AsyncIterableIterator<CommentAddedPayload> {
  const seen = new Set<string>();
  const next = stream.next.bind(stream);
  stream.next = async () => {
    for (;;) {
      const result = await next();
      if (result.done || !seen.has(result.value.eventId)) {
        if (!result.done) {
          seen.add(result.value.eventId);
          if (seen.size > REMEMBERED_EVENTS) seen.delete(seen.values().next().value!);
        }
        return result;
      }
    }
  };
  return stream;
}

/** One event → the comment, read fresh (the subscription's context lives as long as the stream). */
export async function toAddedComment(ctx: Pick<Context, 'loaders'>, event: CommentAddedPayload): Promise<CommentRow> {
  refreshLoaders(ctx.loaders);
  const comment = await ctx.loaders.commentById.load(event.commentId);
  if (!comment) throw new NotFoundError('Comment');
  return comment;
}
