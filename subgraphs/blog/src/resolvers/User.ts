import { decodeId } from '@mosaic/kit';
import { listPosts } from '../domain/posts';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  posts: (user, args, ctx) => listPosts(ctx, decodeId('User', user.id), args),
};
