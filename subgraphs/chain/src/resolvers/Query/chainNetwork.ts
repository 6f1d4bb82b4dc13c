import type { QueryResolvers } from '../../resolvers.generated';

export const chainNetwork: NonNullable<QueryResolvers['chainNetwork']> = (_parent, _args, ctx) => ({ network: ctx.chain.network, confirmations: ctx.settings.confirmations });
