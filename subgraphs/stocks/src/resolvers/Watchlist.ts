import { encodeId } from '@mosaic/kit';
import { watchlistSymbols } from '../domain/watchlists';
import type { WatchlistResolvers } from '../resolvers.generated';

export const Watchlist: WatchlistResolvers = {
  id: (watchlist) => encodeId('Watchlist', watchlist.id),
  symbols: (watchlist, _args, ctx) => watchlistSymbols(ctx, watchlist.id),
  // Instruments are in memory (the catalog): the symbols' one batched statement is all this costs.
  instruments: async (watchlist, _args, ctx) => (await watchlistSymbols(ctx, watchlist.id)).flatMap((symbol) => ctx.catalog.get(symbol) ?? []),
};
