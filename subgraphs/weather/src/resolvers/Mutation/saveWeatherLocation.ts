import { saveLocation } from '../../domain/saved-locations';
import type { MutationResolvers } from '../../resolvers.generated';

export const saveWeatherLocation: NonNullable<MutationResolvers['saveWeatherLocation']> = (_parent, args, ctx) => saveLocation(ctx, args.input);
