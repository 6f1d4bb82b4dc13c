import { decodeId } from '@mosaic/kit';
import { estimateTransfer as estimate } from '../../domain/transactions/transfers';
import type { QueryResolvers } from '../../resolvers.generated';

export const estimateTransfer: NonNullable<QueryResolvers['estimateTransfer']> = (_parent, args, ctx) => estimate(ctx, { ...args.input, walletId: decodeId('Wallet', args.input.walletId, 'input.walletId') });
