import { decodeId } from '@mosaic/kit';
import { unshareNote as unshare } from '../../domain/sharing';
import type { MutationResolvers } from '../../resolvers.generated';

export const unshareNote: NonNullable<MutationResolvers['unshareNote']> = (_parent, args, ctx) =>
  unshare(ctx, decodeId('Note', args.noteId, 'noteId'), decodeId('User', args.userId, 'userId'));
