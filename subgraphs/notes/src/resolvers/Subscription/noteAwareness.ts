import { decodeId } from '@mosaic/kit';
import { AccessEndedError, isStreamRevoked, type StreamRevoked } from '../../domain/co-editing/access-signal';
import { openNoteAwareness } from '../../domain/co-editing/awareness-stream';
import type { AwarenessEvent } from '../../domain/co-editing/awareness-topic';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const noteAwareness: NonNullable<SubscriptionResolvers['noteAwareness']> = {
  subscribe: (_parent, args, ctx) => openNoteAwareness(ctx, decodeId('Note', args.noteId, 'noteId'), args.session),
  resolve: (payload: AwarenessEvent | StreamRevoked) => {
    if (isStreamRevoked(payload)) throw new AccessEndedError();
    return payload;
  },
};
