import { orphanVisitStats } from '../../domain/stats/visit-stats';
import type { QueryResolvers } from '../../resolvers.generated';

export const linkOrphanVisits: NonNullable<QueryResolvers['linkOrphanVisits']> = (_parent, args, ctx) => orphanVisitStats(ctx, args);
