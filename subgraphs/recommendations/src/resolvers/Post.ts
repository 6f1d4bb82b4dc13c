import { decodeId } from '@mosaic/kit';
import { similarTo } from '../domain/recommend';
import type { PostResolvers } from '../resolvers.generated';

export const Post: PostResolvers = {
  __resolveReference: (reference) => ({ __typename: 'Post', id: reference.id }),
  similar: (post, args, ctx) => similarTo(ctx, 'POST', decodeId('Post', post.id), args.first),
};
