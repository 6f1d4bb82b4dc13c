import { decodeId } from '@mosaic/kit';
import { setNoteArchived } from '../../domain/note-state';
import type { MutationResolvers } from '../../resolvers.generated';

export const unarchiveNote: NonNullable<MutationResolvers['unarchiveNote']> = (_parent, args, ctx) => setNoteArchived(ctx, decodeId('Note', args.id), false);
