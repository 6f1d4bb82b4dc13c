import { resolveLocation } from '../../domain/weather';
import type { QueryResolvers } from '../../resolvers.generated';

export const weather: NonNullable<QueryResolvers['weather']> = async (_parent, args, ctx) => ({ location: await resolveLocation(ctx, args), units: args.units ?? 'METRIC' });
