import { decodeId } from '@mosaic/kit';
import { listAuthorPosts } from '../domain/post-queries';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  posts: (user, args, ctx) => listAuthorPosts(ctx, decodeId('User', user.id), args.status, args),
};
