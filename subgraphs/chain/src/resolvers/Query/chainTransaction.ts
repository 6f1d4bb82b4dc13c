import { decodeId } from '@mosaic/kit';
import { findVisibleTransaction } from '../../domain/transactions/transfers';
import type { QueryResolvers } from '../../resolvers.generated';

export const chainTransaction: NonNullable<QueryResolvers['chainTransaction']> = (_parent, args, ctx) => findVisibleTransaction(ctx, decodeId('Transaction', args.id));
