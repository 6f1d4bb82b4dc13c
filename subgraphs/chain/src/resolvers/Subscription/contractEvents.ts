import { decodeId } from '@mosaic/kit';
import type { DecodedEvent } from '../../domain/contracts/contract-events';
import { contractEventStream } from '../../domain/contracts/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const contractEvents: NonNullable<SubscriptionResolvers['contractEvents']> = {
  subscribe: (_parent, args, ctx) => contractEventStream(ctx, decodeId('Contract', args.contractId, 'contractId'), args.eventName),
  resolve: (payload: DecodedEvent) => payload,
};
