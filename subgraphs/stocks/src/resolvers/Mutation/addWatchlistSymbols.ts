import { decodeId } from '@mosaic/kit';
import { addWatchlistSymbols as add } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const addWatchlistSymbols: NonNullable<MutationResolvers['addWatchlistSymbols']> = (_parent, args, ctx) => add(ctx, decodeId('Watchlist', args.id), args.symbols);
