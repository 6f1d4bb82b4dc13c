import { decodeId } from '@mosaic/kit';
import { listInteractions } from '../domain/interactions';
import { recommendationsFor } from '../domain/recommend';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  recommendations: (user, args, ctx) => recommendationsFor(ctx, decodeId('User', user.id), args.kind, args.first),
  interactions: (user, args, ctx) => listInteractions(ctx, decodeId('User', user.id), args),
};
