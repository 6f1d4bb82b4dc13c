import { decodeId } from '@mosaic/kit';
import { setNoteArchived } from '../../domain/note-state';
import type { MutationResolvers } from '../../resolvers.generated';

export const archiveNote: NonNullable<MutationResolvers['archiveNote']> = (_parent, args, ctx) => setNoteArchived(ctx, decodeId('Note', args.id), true);
