import { decodeId } from '@mosaic/kit';
import { findVisibleTransfer } from '../../domain/transfer-queries';
import type { QueryResolvers } from '../../resolvers.generated';

export const transfer: NonNullable<QueryResolvers['transfer']> = (_parent, args, ctx) => findVisibleTransfer(ctx, decodeId('Transfer', args.id));
