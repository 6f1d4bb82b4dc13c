import { decodeId } from '@mosaic/kit';
import { speedUpTransaction as speedUp } from '../../domain/transactions/transfers';
import type { MutationResolvers } from '../../resolvers.generated';

export const speedUpTransaction: NonNullable<MutationResolvers['speedUpTransaction']> = (_parent, args, ctx) =>
  speedUp(ctx, { ...args.input, transactionId: decodeId('Transaction', args.input.transactionId, 'input.transactionId') });
