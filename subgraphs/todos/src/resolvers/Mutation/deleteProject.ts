import { decodeId } from '@mosaic/kit';
import { deleteProject as remove } from '../../domain/projects';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteProject: NonNullable<MutationResolvers['deleteProject']> = (_parent, args, ctx) => remove(ctx, decodeId('Project', args.id));
