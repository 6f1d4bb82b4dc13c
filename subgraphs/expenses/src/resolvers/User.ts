import { decodeId } from '@mosaic/kit';
import { listMoneyAccounts } from '../domain/money-accounts';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  moneyAccounts: (user, args, ctx) => listMoneyAccounts(ctx, decodeId('User', user.id), args),
};
