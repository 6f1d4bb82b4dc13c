import { completeLogin as complete } from '../../domain/two-factor/challenge';
import type { MutationResolvers } from '../../resolvers.generated';

export const completeLogin: NonNullable<MutationResolvers['completeLogin']> = (_parent, args, ctx) => complete(ctx, args.input);
