import { decodeId } from '@mosaic/kit';
import { createShareLink } from '../../domain/share-links';
import type { MutationResolvers } from '../../resolvers.generated';

export const createNoteShareLink: NonNullable<MutationResolvers['createNoteShareLink']> = (_parent, args, ctx) => createShareLink(ctx, decodeId('Note', args.noteId, 'noteId'), args.expiresInSeconds);
