import { setTimeZone as setZone } from '../../domain/time-zone';
import type { MutationResolvers } from '../../resolvers.generated';

export const setTimeZone: NonNullable<MutationResolvers['setTimeZone']> = (_parent, args, ctx) => setZone(ctx, { timeZone: args.timeZone });
