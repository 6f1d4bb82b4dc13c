import { decodeId } from '@mosaic/kit';
import { restoreRevision } from '../../domain/revisions';
import type { MutationResolvers } from '../../resolvers.generated';

export const restoreNoteRevision: NonNullable<MutationResolvers['restoreNoteRevision']> = (_parent, args, ctx) => restoreRevision(ctx, decodeId('NoteRevision', args.revisionId, 'revisionId'));
