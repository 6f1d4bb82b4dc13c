import { decodeId } from '@mosaic/kit';
import { setNotePinned } from '../../domain/note-state';
import type { MutationResolvers } from '../../resolvers.generated';

export const unpinNote: NonNullable<MutationResolvers['unpinNote']> = (_parent, args, ctx) => setNotePinned(ctx, decodeId('Note', args.id), false);
