import { decodeId } from '@mosaic/kit';
import { listAccounts } from '../domain/accounts';
import { listPayees } from '../domain/payees';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  bankAccounts: (user, args, ctx) => listAccounts(ctx, decodeId('User', user.id), args),
  payees: (user, _args, ctx) => listPayees(ctx, decodeId('User', user.id)),
};
