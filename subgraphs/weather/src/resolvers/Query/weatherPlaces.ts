import { searchPlaces } from '../../domain/weather';
import type { QueryResolvers } from '../../resolvers.generated';

export const weatherPlaces: NonNullable<QueryResolvers['weatherPlaces']> = (_parent, args, ctx) => searchPlaces(ctx, args.search, args.first);
