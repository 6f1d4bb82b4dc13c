import { decodeId, encodeId } from '@mosaic/kit';
import { deleteNote as remove } from '../../domain/notes';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteNote: NonNullable<MutationResolvers['deleteNote']> = async (_parent, args, ctx) =>
  encodeId('Note', await remove(ctx, decodeId('Note', args.id)));
