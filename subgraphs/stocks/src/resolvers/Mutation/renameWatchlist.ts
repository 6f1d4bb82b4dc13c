import { decodeId } from '@mosaic/kit';
import { renameWatchlist as rename } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const renameWatchlist: NonNullable<MutationResolvers['renameWatchlist']> = (_parent, args, ctx) => rename(ctx, decodeId('Watchlist', args.id), args.name);
