import type { QueryResolvers } from '../../resolvers.generated';

export const instruments: NonNullable<QueryResolvers['instruments']> = (_parent, _args, ctx) => ctx.catalog.all();
