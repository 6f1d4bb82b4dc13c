import { decodeId } from '@mosaic/kit';
import { getProject } from '../../domain/projects';
import type { QueryResolvers } from '../../resolvers.generated';

export const project: NonNullable<QueryResolvers['project']> = (_parent, args, ctx) => getProject(ctx, decodeId('Project', args.id));
