import { decodeId, encodeId } from '@mosaic/kit';
import { deleteNotebook as remove } from '../../domain/notebooks';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteNotebook: NonNullable<MutationResolvers['deleteNotebook']> = async (_parent, args, ctx) => encodeId('Notebook', await remove(ctx, decodeId('Notebook', args.id)));
