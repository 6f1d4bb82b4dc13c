import { decodeId } from '@mosaic/kit';
import { revokeShareLink } from '../../domain/share-links';
import type { MutationResolvers } from '../../resolvers.generated';

export const revokeNoteShareLink: NonNullable<MutationResolvers['revokeNoteShareLink']> = (_parent, args, ctx) => revokeShareLink(ctx, decodeId('NoteShareLink', args.id));
