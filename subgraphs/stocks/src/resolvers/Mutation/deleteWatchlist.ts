import { decodeId } from '@mosaic/kit';
import { deleteWatchlist as remove } from '../../domain/watchlists';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteWatchlist: NonNullable<MutationResolvers['deleteWatchlist']> = (_parent, args, ctx) => remove(ctx, decodeId('Watchlist', args.id));
