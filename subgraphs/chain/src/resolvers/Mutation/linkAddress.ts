import { linkAddress as link } from '../../domain/sign-in-with-ethereum';
import type { MutationResolvers } from '../../resolvers.generated';

export const linkAddress: NonNullable<MutationResolvers['linkAddress']> = (_parent, args, ctx) => link(ctx, args.message, args.signature);
