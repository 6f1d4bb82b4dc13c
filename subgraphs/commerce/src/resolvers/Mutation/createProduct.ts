import { createProduct as create } from '../../domain/products';
import type { MutationResolvers } from '../../resolvers.generated';

export const createProduct: NonNullable<MutationResolvers['createProduct']> = (_parent, args, ctx) => create(ctx, args.input);
