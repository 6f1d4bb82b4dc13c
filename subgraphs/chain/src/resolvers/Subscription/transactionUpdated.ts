import { decodeId } from '@mosaic/kit';
import { transactionStream } from '../../domain/transactions/live';
import { fromTransactionEvent, type TransactionEvent } from '../../domain/transactions/transaction-events';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const transactionUpdated: NonNullable<SubscriptionResolvers['transactionUpdated']> = {
  subscribe: (_parent, args, ctx) => transactionStream(ctx, args.walletId ? decodeId('Wallet', args.walletId, 'walletId') : null),
  resolve: (payload: TransactionEvent) => fromTransactionEvent(payload),
};
