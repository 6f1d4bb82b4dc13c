import { decodeId } from '@mosaic/kit';
import { setNotePinned } from '../../domain/note-state';
import type { MutationResolvers } from '../../resolvers.generated';

export const pinNote: NonNullable<MutationResolvers['pinNote']> = (_parent, args, ctx) => setNotePinned(ctx, decodeId('Note', args.id), true);
