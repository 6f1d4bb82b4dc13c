import { createPriceAlert as create } from '../../domain/alerts/alerts';
import type { MutationResolvers } from '../../resolvers.generated';

export const createPriceAlert: NonNullable<MutationResolvers['createPriceAlert']> = (_parent, args, ctx) => create(ctx, args.input);
