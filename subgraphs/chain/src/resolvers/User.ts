import { decodeId } from '@mosaic/kit';
import { listContracts } from '../domain/contracts/contracts';
import { listLinkedAddresses } from '../domain/sign-in-with-ethereum';
import { listWallets } from '../domain/wallets';
import type { UserResolvers } from '../resolvers.generated';

/** A `User` here is the representation `{ id }` with the public id; `@policy(self | admin)` ran before the resolver. */
export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  wallets: (user, args, ctx) => listWallets(ctx, decodeId('User', user.id), args),
  linkedAddresses: (user, _args, ctx) => listLinkedAddresses(ctx, decodeId('User', user.id)),
  contracts: (user, args, ctx) => listContracts(ctx, decodeId('User', user.id), args),
};
