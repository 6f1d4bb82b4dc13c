import { decodeId } from '@mosaic/kit';
import { renameNotebook as rename } from '../../domain/notebooks';
import type { MutationResolvers } from '../../resolvers.generated';

export const renameNotebook: NonNullable<MutationResolvers['renameNotebook']> = (_parent, args, ctx) => rename(ctx, decodeId('Notebook', args.id), args.name);
