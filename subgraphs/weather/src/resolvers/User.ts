import { decodeId } from '@mosaic/kit';
import { listSavedLocations } from '../domain/saved-locations';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  savedLocations: (user, args, ctx) => listSavedLocations(ctx, decodeId('User', user.id), args),
};
