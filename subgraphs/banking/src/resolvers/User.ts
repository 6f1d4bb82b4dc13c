import { decodeId } from '@mosaic/kit';
import { listBankAccounts } from '../domain/bank-accounts';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  bankAccounts: (user, args, ctx) => listBankAccounts(ctx, decodeId('User', user.id), args),
};
