import { decodeId } from '@mosaic/kit';
import { removeWatchlistSymbols as remove } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const removeWatchlistSymbols: NonNullable<MutationResolvers['removeWatchlistSymbols']> = (_parent, args, ctx) => remove(ctx, decodeId('Watchlist', args.id), args.symbols);
