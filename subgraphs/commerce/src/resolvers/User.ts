import { decodeId } from '@mosaic/kit';
import { listProducts } from '../domain/products';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  products: (user, args, ctx) => listProducts(ctx, decodeId('User', user.id), args),
};
