import { createSiweChallenge as create } from '../../domain/sign-in-with-ethereum';
import type { MutationResolvers } from '../../resolvers.generated';

export const createSiweChallenge: NonNullable<MutationResolvers['createSiweChallenge']> = (_parent, args, ctx) => create(ctx, args.address);
