import { decodeId } from '@mosaic/kit';
import { createNotebook as create } from '../../domain/notebooks';
import type { MutationResolvers } from '../../resolvers.generated';

export const createNotebook: NonNullable<MutationResolvers['createNotebook']> = (_parent, { input }, ctx) =>
  create(ctx, { name: input.name, parentId: input.parentId ? decodeId('Notebook', input.parentId, 'input.parentId') : null });
