import { decodeId } from '@mosaic/kit';
import { updateProject as update } from '../../domain/projects';
import type { MutationResolvers } from '../../resolvers.generated';

export const updateProject: NonNullable<MutationResolvers['updateProject']> = (_parent, args, ctx) => update(ctx, decodeId('Project', args.id), args.input);
