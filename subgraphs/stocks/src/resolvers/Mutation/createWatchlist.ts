import { createWatchlist as create } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const createWatchlist: NonNullable<MutationResolvers['createWatchlist']> = (_parent, args, ctx) => create(ctx, args.input);
