import { encodeId } from '@mosaic/kit';
import { childrenOf, parentOf } from '../domain/notebooks';
import type { NotebookResolvers } from '../resolvers.generated';

export const Notebook: NotebookResolvers = {
  id: (notebook) => encodeId('Notebook', notebook.id),
  parent: (notebook, _args, ctx) => parentOf(ctx, notebook),
  children: (notebook, _args, ctx) => childrenOf(ctx, notebook),
};
