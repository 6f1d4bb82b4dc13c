import { decodeId } from '@mosaic/kit';
import { reorderWatchlistSymbols as reorder } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const reorderWatchlistSymbols: NonNullable<MutationResolvers['reorderWatchlistSymbols']> = (_parent, args, ctx) => reorder(ctx, decodeId('Watchlist', args.id), args.symbols);
