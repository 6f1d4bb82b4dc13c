import { decodeId } from '@mosaic/kit';
import { applyNoteUpdate as apply } from '../../domain/co-editing/co-editing';
import type { MutationResolvers } from '../../resolvers.generated';

export const applyNoteUpdate: NonNullable<MutationResolvers['applyNoteUpdate']> = (_parent, args, ctx) =>
  apply(ctx, decodeId('Note', args.noteId, 'noteId'), { update: args.update, stateVector: args.stateVector, origin: args.origin });
