import { decodeId } from '@mosaic/kit';
import { cancelTransaction as cancel } from '../../domain/transactions/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const cancelTransaction: NonNullable<MutationResolvers['cancelTransaction']> = (_parent, args, ctx) => cancel(ctx, decodeId('Transaction', args.transactionId, 'transactionId'));
