import { decodeId } from '@mosaic/kit';
import { publishNoteAwareness as publish } from '../../domain/co-editing/awareness';
import type { MutationResolvers } from '../../resolvers.generated';

export const publishNoteAwareness: NonNullable<MutationResolvers['publishNoteAwareness']> = (_parent, args, ctx) => publish(ctx, decodeId('Note', args.noteId, 'noteId'), args.input);
