import { breakdownOf, dailyVisits, hourlyVisits, totalsOf } from '../domain/stats/visit-stats';
import type { LinkStatsResolvers } from '../resolvers.generated';

/** The period fields, shared with OrphanVisitStats. */
export const periodFields = {
  from: (scope: { query: { from: string } }) => scope.query.from,
  to: (scope: { query: { to: string } }) => scope.query.to,
  timeZone: (scope: { query: { timeZone: string } }) => scope.query.timeZone,
  includeBots: (scope: { query: { includeBots: boolean } }) => scope.query.includeBots,
} as const;

export const LinkStats: LinkStatsResolvers = {
  ...periodFields,
  totalVisits: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).total,
  uniqueVisitors: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).unique,
  botVisits: async (scope, _args, ctx) => (await totalsOf(ctx, scope)).bots,
  byDay: (scope, _args, ctx) => dailyVisits(ctx, scope),
  byHourOfDay: (scope, _args, ctx) => hourlyVisits(ctx, scope),
  referrers: (scope, args, ctx) => breakdownOf(ctx, scope, 'referrer', args.first),
  browsers: (scope, args, ctx) => breakdownOf(ctx, scope, 'browser', args.first),
  operatingSystems: (scope, args, ctx) => breakdownOf(ctx, scope, 'os', args.first),
  devices: (scope, args, ctx) => breakdownOf(ctx, scope, 'device', args.first),
  countries: (scope, args, ctx) => breakdownOf(ctx, scope, 'country', args.first),
};
