import { createLink as create } from '../../domain/links';
import type { MutationResolvers } from '../../resolvers.generated';

export const createLink: NonNullable<MutationResolvers['createLink']> = (_parent, args, ctx) => create(ctx, args.input);
