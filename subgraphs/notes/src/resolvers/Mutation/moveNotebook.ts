import { decodeId } from '@mosaic/kit';
import { moveNotebook as move } from '../../domain/notebooks';
import type { MutationResolvers } from '../../resolvers.generated';

export const moveNotebook: NonNullable<MutationResolvers['moveNotebook']> = (_parent, args, ctx) =>
  move(ctx, decodeId('Notebook', args.id), args.parentId ? decodeId('Notebook', args.parentId, 'parentId') : null);
