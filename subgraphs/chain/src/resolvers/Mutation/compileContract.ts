import { compileSource } from '../../domain/contracts/contracts';
import type { MutationResolvers } from '../../resolvers.generated';

export const compileContract: NonNullable<MutationResolvers['compileContract']> = (_parent, args, ctx) => compileSource(ctx, args.source);
