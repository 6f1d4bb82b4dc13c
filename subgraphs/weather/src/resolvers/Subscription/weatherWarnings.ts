import { decodeId } from '@mosaic/kit';
import { warningStream } from '../../domain/warning-stream';
import type { WarningsEvent } from '../../domain/warnings/warning-events';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const weatherWarnings: NonNullable<SubscriptionResolvers['weatherWarnings']> = {
  subscribe: (_parent, args, ctx) => warningStream(ctx, args.locationId ? decodeId('SavedLocation', args.locationId, 'locationId') : null),
  resolve: (event: WarningsEvent) => event,
};
