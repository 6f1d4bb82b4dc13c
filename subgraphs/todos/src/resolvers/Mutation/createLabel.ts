import { createLabel as create } from '../../domain/labels';
import type { MutationResolvers } from '../../resolvers.generated';

export const createLabel: NonNullable<MutationResolvers['createLabel']> = (_parent, args, ctx) => create(ctx, args.input);
