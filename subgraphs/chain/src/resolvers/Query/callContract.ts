import { decodeId } from '@mosaic/kit';
import { callContract as call } from '../../domain/contracts/contracts';
import type { QueryResolvers } from '../../resolvers.generated';

export const callContract: NonNullable<QueryResolvers['callContract']> = (_parent, args, ctx) => call(ctx, { ...args.input, contractId: decodeId('Contract', args.input.contractId, 'input.contractId') });
