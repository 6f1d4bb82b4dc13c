import { decodeId } from '@mosaic/kit';
import { AccessEndedError, isStreamRevoked, type StreamRevoked } from '../../domain/co-editing/access-signal';
import type { NoteUpdatePayload } from '../../domain/co-editing/topic';
import { openNoteUpdates } from '../../domain/co-editing/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const noteUpdates: NonNullable<SubscriptionResolvers['noteUpdates']> = {
  /** Access is checked here, with the subscriber's own token (the gateway's admission runs exactly this). */
  subscribe: (_parent, args, ctx) => openNoteUpdates(ctx, decodeId('Note', args.noteId, 'noteId'), args.stateVector),
  /** The last event of a stream whose subscriber lost access is the error (the stream then ends). */
  resolve: (payload: NoteUpdatePayload | StreamRevoked) => {
    if (isStreamRevoked(payload)) throw new AccessEndedError();
    return payload;
  },
};
