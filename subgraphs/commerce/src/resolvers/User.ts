import { decodeId } from '@mosaic/kit';
import { listOrdersOf } from '../domain/orders/queries';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  orders: (user, args, ctx) => listOrdersOf(ctx, decodeId('User', user.id), args),
};
