import { decodeId } from '@mosaic/kit';
import { listMembershipsOf } from '../domain/members';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  organizations: (user, _args, ctx) => listMembershipsOf(ctx, decodeId('User', user.id)),
};
