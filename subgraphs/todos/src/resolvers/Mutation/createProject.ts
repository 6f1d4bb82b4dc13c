import { createProject as create } from '../../domain/projects';
import type { MutationResolvers } from '../../resolvers.generated';

export const createProject: NonNullable<MutationResolvers['createProject']> = (_parent, args, ctx) => create(ctx, args.input);
