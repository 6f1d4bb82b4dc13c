import type { EventHandler, EventHandlerContext, SubgraphEvents } from '@mosaic/kit';
import { blogEvents } from '@mosaic/blog/events';
import { createLoaders } from '../data/loaders';
import { deleteItem } from '../data/items-repo';
import type { RecommendationsSettings } from '../env';
import { registerItem } from './items';
import { learnFromEvent, type Behaviour } from './record-interaction';

/**
 * What the blog says, learned: a published post becomes recommendable (its tags are its content
 * features), an unpublished one stops being recommended, likes count as LIKE and comments as READ
 * — through the same checks as `recordInteraction`, so a flood is dropped, not learned.
 */
export function learnFromBlog(events: SubgraphEvents, settings: RecommendationsSettings): void {
  const published: EventHandler<typeof blogEvents, 'post.published'> = async (event, { tx }) => {
    const { postId, title, tags, publishedAt } = event.payload;
    await registerItem(tx, { kind: 'POST', id: postId, title, category: tags[0] ?? null, tags, listedAt: new Date(publishedAt) });
  };
  const unpublished: EventHandler<typeof blogEvents, 'post.unpublished'> = async (event, { tx }) => deleteItem(tx, 'POST', event.payload.postId);
  const learn = ({ tx, log }: EventHandlerContext, behaviour: Pick<Behaviour, 'userId' | 'itemId' | 'kind' | 'occurredAt' | 'source'>) =>
    learnFromEvent({ db: tx, settings, loaders: createLoaders(tx), log }, { ...behaviour, itemKind: 'POST', rating: null });
  events.on(blogEvents, 'post.published', published, { group: 'blog-posts' });
  events.on(blogEvents, 'post.unpublished', unpublished, { group: 'blog-unpublished' });
  events.on(blogEvents, 'post.liked', (event, ctx) => learn(ctx, { userId: event.payload.userId, itemId: event.payload.postId, kind: 'LIKE', occurredAt: new Date(event.occurredAt), source: event.type }), {
    group: 'blog-likes',
  });
  events.on(blogEvents, 'comment.added', (event, ctx) => learn(ctx, { userId: event.payload.authorId, itemId: event.payload.postId, kind: 'READ', occurredAt: new Date(event.occurredAt), source: event.type }), {
    group: 'blog-comments',
  });
}
