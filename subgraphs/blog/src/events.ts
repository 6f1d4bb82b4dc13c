import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';

/**
 * The events blog publishes (exchange `mosaic.blog`), one aggregate per post: a post's events are
 * delivered in the order they were committed. Payloads carry raw ids (inside the platform). They
 * are what recommendations will learn from: what was published, who comments and likes what.
 */
const uuid = z.string().uuid();
const instant = z.iso.datetime();
const byPost = <T extends { postId: string }>(p: T) => p.postId;

export const blogEvents = defineEvents('blog', {
  'post.published': event({
    version: 1,
    schema: z.object({ postId: uuid, authorId: uuid, slug: z.string(), title: z.string(), tags: z.array(z.string()), publishedAt: instant }),
    aggregateId: byPost,
  }),
  /** Out of public view: back to draft or archived. */
  'post.unpublished': event({ version: 1, schema: z.object({ postId: uuid, status: z.enum(['draft', 'archived']) }), aggregateId: byPost }),
  'post.revised': event({ version: 1, schema: z.object({ postId: uuid, revision: z.number().int(), savedBy: uuid, restoredFrom: z.number().int().nullable() }), aggregateId: byPost }),
  'comment.added': event({
    version: 1,
    schema: z.object({ commentId: uuid, postId: uuid, authorId: uuid, parentId: uuid.nullable(), status: z.enum(['pending', 'approved']), createdAt: instant }),
    aggregateId: byPost,
  }),
  'comment.moderated': event({
    version: 1,
    schema: z.object({ commentId: uuid, postId: uuid, status: z.enum(['approved', 'rejected', 'spam']), previousStatus: z.string(), moderatorId: uuid }),
    aggregateId: byPost,
  }),
  'post.liked': event({ version: 1, schema: z.object({ postId: uuid, userId: uuid, likeCount: z.number().int() }), aggregateId: byPost }),
  'post.unliked': event({ version: 1, schema: z.object({ postId: uuid, userId: uuid, likeCount: z.number().int() }), aggregateId: byPost }),
  'comment.liked': event({ version: 1, schema: z.object({ commentId: uuid, postId: uuid, userId: uuid, likeCount: z.number().int() }), aggregateId: byPost }),
  'comment.unliked': event({ version: 1, schema: z.object({ commentId: uuid, postId: uuid, userId: uuid, likeCount: z.number().int() }), aggregateId: byPost }),
});

export type BlogOutbox = Outbox<typeof blogEvents>;
