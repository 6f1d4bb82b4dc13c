import { decodeId } from '@mosaic/kit';
import { listRoomsOfUser } from '../domain/lists';
import { presenceOf } from '../domain/presence';
import type { UserResolvers } from '../resolvers.generated';

/**
 * accounts owns User; here a User is the representation `{ id }` carrying the public id — which
 * is also what the standard `self` policy compares against the viewer.
 */
export const User: UserResolvers = {
  chatRooms: (user, args, ctx) => listRoomsOfUser(ctx, decodeId('User', user.id), args),
  presence: (user, _args, ctx) => presenceOf(ctx, decodeId('User', user.id)),
};
