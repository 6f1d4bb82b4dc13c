import { decodeId } from '@mosaic/kit';
import { moveNote as move } from '../../domain/notebooks';
import type { MutationResolvers } from '../../resolvers.generated';

export const moveNote: NonNullable<MutationResolvers['moveNote']> = (_parent, args, ctx) =>
  move(ctx, decodeId('Note', args.id), args.notebookId ? decodeId('Notebook', args.notebookId, 'notebookId') : null);
