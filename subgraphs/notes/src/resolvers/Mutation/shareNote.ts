import { decodeId } from '@mosaic/kit';
import { shareNote as share } from '../../domain/sharing';
import type { MutationResolvers } from '../../resolvers.generated';

export const shareNote: NonNullable<MutationResolvers['shareNote']> = (_parent, args, ctx) =>
  share(ctx, decodeId('Note', args.noteId, 'noteId'), decodeId('User', args.userId, 'userId'), args.role === 'EDITOR' ? 'editor' : 'viewer');
