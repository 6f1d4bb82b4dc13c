import { recordInteraction as record } from '../../domain/record-interaction';
import type { MutationResolvers } from '../../resolvers.generated';

export const recordInteraction: NonNullable<MutationResolvers['recordInteraction']> = (_parent, args, ctx) => record(ctx, args.input);
