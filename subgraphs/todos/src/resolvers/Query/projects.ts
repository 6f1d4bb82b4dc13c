import { listProjects } from '../../domain/projects';
import type { QueryResolvers } from '../../resolvers.generated';

export const projects: NonNullable<QueryResolvers['projects']> = (_parent, _args, ctx) => listProjects(ctx);
