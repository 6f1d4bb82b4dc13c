import { decodeId } from '@mosaic/kit';
import { listLinks } from '../domain/find-links';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  links: (user, args, ctx) => listLinks(ctx, decodeId('User', user.id), args),
};
