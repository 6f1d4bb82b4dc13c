import { decodeId } from '@mosaic/kit';
import { createSection as create } from '../../domain/sections';
import type { MutationResolvers } from '../../resolvers.generated';

export const createSection: NonNullable<MutationResolvers['createSection']> = (_parent, args, ctx) => create(ctx, decodeId('Project', args.projectId, 'projectId'), args.name);
