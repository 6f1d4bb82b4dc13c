import type { QueryResolvers } from '../../resolvers.generated';

export const instrument: NonNullable<QueryResolvers['instrument']> = (_parent, args, ctx) => ctx.catalog.require(args.symbol);
