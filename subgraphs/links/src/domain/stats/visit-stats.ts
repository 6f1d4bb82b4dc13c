import { ForbiddenError, ADMIN_ROLE } from '@mosaic/kit';
import type { Context } from '../../context';
import type { Dimension } from '../../data/stats-repo';
import { ORPHANS, visitBreakdown, visitsByDay, visitsByHourOfDay, visitTotals } from '../../data/stats-repo';
import type { LinkRow } from '../../data/tables';
import { breakdownSize, daysOf, statsQuery, type StatsQuery } from './stats-query';

/** What `LinkStats` / `OrphanVisitStats` resolve from: whose visits, over which query. */
export interface StatsScope {
  linkId: string | null;
  query: StatsQuery;
}

type StatsArgs = Parameters<typeof statsQuery>[0];
type Ctx = Pick<Context, 'loaders' | 'db'>;

/**
 * `Link.stats`: the owner's and admins' only; null for anyone else (an anonymous link's stats are
 * admins'). The period ends by default at the request's instant, so every link of a page shares
 * one query — and one statement per field.
 */
export function linkStats(ctx: Pick<Context, 'auth' | 'requestedAt'>, link: LinkRow, args: StatsArgs): StatsScope | null {
  const viewer = ctx.auth.signedIn();
  if (link.ownerId !== viewer.userId && !ctx.auth.hasRole(ADMIN_ROLE)) return null;
  return { linkId: link.id, query: statsQuery(args, ctx.requestedAt) };
}

export function orphanVisitStats(ctx: Pick<Context, 'auth' | 'requestedAt'>, args: StatsArgs): StatsScope {
  if (!ctx.auth.hasRole(ADMIN_ROLE)) throw new ForbiddenError('Only admins can see orphan visits.');
  return { linkId: null, query: statsQuery(args, ctx.requestedAt) };
}

const key = (scope: StatsScope & { linkId: string }) => ({ parentId: scope.linkId, query: scope.query });
const isLink = (scope: StatsScope): scope is StatsScope & { linkId: string } => scope.linkId !== null;
const orphans = { kind: 'orphans' } as const;

export async function totalsOf(ctx: Ctx, scope: StatsScope) {
  const row = isLink(scope) ? await ctx.loaders.statsTotals.load(key(scope)) : (await visitTotals(ctx.db, orphans, scope.query))[0];
  return { total: row?.total ?? 0, unique: row?.unique ?? 0, bots: row?.bots ?? 0 };
}

export async function dailyVisits(ctx: Ctx, scope: StatsScope) {
  const rows = isLink(scope) ? await ctx.loaders.statsByDay.load(key(scope)) : await visitsByDay(ctx.db, orphans, scope.query);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysOf(scope.query).map((date) => ({ date, visits: byDay.get(date)?.visits ?? 0, uniqueVisitors: byDay.get(date)?.unique ?? 0 }));
}

export async function hourlyVisits(ctx: Ctx, scope: StatsScope) {
  const rows = isLink(scope) ? await ctx.loaders.statsByHour.load(key(scope)) : await visitsByHourOfDay(ctx.db, orphans, scope.query);
  const byHour = new Map(rows.map((row) => [row.hour, row.visits]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, visits: byHour.get(hour) ?? 0 }));
}

export async function breakdownOf(ctx: Ctx, scope: StatsScope, dimension: Dimension, first: number | null | undefined) {
  const size = breakdownSize(first);
  const rows = isLink(scope)
    ? await ctx.loaders.statsBreakdown.load({ parentId: scope.linkId, query: { ...scope.query, dimension, first: size } })
    : (await visitBreakdown(ctx.db, orphans, scope.query, dimension, size)).filter((row) => row.group === ORPHANS);
  return rows.map((row) => ({ value: row.value, visits: row.visits }));
}
