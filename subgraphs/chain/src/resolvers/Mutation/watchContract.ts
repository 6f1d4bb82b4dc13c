import { watchContract as watch } from '../../domain/contracts/contracts';
import type { MutationResolvers } from '../../resolvers.generated';

export const watchContract: NonNullable<MutationResolvers['watchContract']> = (_parent, args, ctx) => watch(ctx, args.input);
