import { createPost as create } from '../../domain/posts';
import type { MutationResolvers } from '../../resolvers.generated';

export const createPost: NonNullable<MutationResolvers['createPost']> = (_parent, args, ctx) => create(ctx, args.input);
