import { currentOf, dailyOf, hourlyOf, summaryOf, upcomingDays, upcomingHours } from '../domain/weather';
import type { WeatherResolvers } from '../resolvers.generated';

export const Weather: WeatherResolvers = {
  location: (view) => view.location,
  units: (view) => view.units,
  current: async (view, _args, ctx) => ({ cached: await currentOf(ctx, view.location.point), units: view.units }),
  hourly: async (view, args, ctx) => {
    const cached = await hourlyOf(ctx, view.location.point);
    return { cached, units: view.units, hours: upcomingHours(cached.value, ctx.now(), args.hours) };
  },
  daily: async (view, args, ctx) => {
    const cached = await dailyOf(ctx, view.location.point);
    return { cached, units: view.units, days: upcomingDays(cached.value, ctx.now(), args.days) };
  },
  source: async (view, _args, ctx) => (await summaryOf(ctx, view.location.point)).source,
  fetchedAt: async (view, _args, ctx) => new Date((await summaryOf(ctx, view.location.point)).fetchedAt),
  stale: async (view, _args, ctx) => (await summaryOf(ctx, view.location.point)).stale,
  ageSeconds: async (view, _args, ctx) => Math.floor((await summaryOf(ctx, view.location.point)).ageMs / 1000),
};
