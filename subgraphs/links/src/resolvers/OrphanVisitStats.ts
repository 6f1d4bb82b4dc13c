import { breakdownOf, dailyVisits, totalsOf } from '../domain/stats/visit-stats';
import type { OrphanVisitStatsResolvers } from '../resolvers.generated';
import { periodFields } from './LinkStats';

export const OrphanVisitStats: OrphanVisitStatsResolvers = {
  ...periodFields,
  totalVisits: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).total,
  uniqueVisitors: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).unique,
  botVisits: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).bots,
  byDay: (scope, _args, ctx) => dailyVisits(ctx, scope),
  paths: (scope, args, ctx) => breakdownOf(ctx, scope, 'path', args.first),
  referrers: (scope, args, ctx) => breakdownOf(ctx, scope, 'referrer', args.first),
};
