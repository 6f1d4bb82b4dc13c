import { decodeId } from '@mosaic/kit';
import { listFiles, storageUsageOf } from '../domain/files';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  files: (user, args, ctx) => listFiles(ctx, decodeId('User', user.id), args),
  storageUsage: (user, _args, ctx) => storageUsageOf(ctx, decodeId('User', user.id)),
};
