import { decodeId } from '@mosaic/kit';
import type { NoteUpdatePayload } from '../../domain/co-editing/topic';
import { openNoteUpdates } from '../../domain/co-editing/live';
import type { SubscriptionResolvers } from '../../resolvers.generated';

export const noteUpdates: NonNullable<SubscriptionResolvers['noteUpdates']> = {
  /** Access is checked here, with the subscriber's own token (the gateway's admission runs exactly this). */
  subscribe: (_parent, args, ctx) => openNoteUpdates(ctx, decodeId('Note', args.noteId, 'noteId'), args.stateVector),
  resolve: (payload: NoteUpdatePayload) => payload,
};
