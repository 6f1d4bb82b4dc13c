import { decodeId } from '@mosaic/kit';
import { listLocations } from '../domain/saved-locations';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  savedLocations: (user, _args, ctx) => listLocations(ctx, decodeId('User', user.id)),
};
