import { and, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import type { StatsQuery } from '../domain/stats/stats-query';
import { orphanVisits, visits } from './tables';

/** Which visits a statistic counts: those of some links (grouped per link), or the orphan visits (one group). */
export type VisitSource = { kind: 'links'; linkIds: readonly string[] } | { kind: 'orphans' };

export type Dimension = 'referrer' | 'browser' | 'os' | 'device' | 'country' | 'path';

export const ORPHANS = 'orphans';

function sourceOf(source: VisitSource) {
  if (source.kind === 'links') {
    return { table: visits, columns: visits, group: sql<string>`${visits.linkId}`, scope: inArray(visits.linkId, [...source.linkIds]) };
  }
  return { table: orphanVisits, columns: orphanVisits, group: sql<string>`${sql.raw(`'${ORPHANS}'`)}`, scope: undefined };
}

function period(source: ReturnType<typeof sourceOf>, query: StatsQuery, bots: 'as-asked' | 'all'): SQL {
  const { columns } = source;
  return and(
    source.scope,
    gte(columns.visitedAt, new Date(query.from)),
    lt(columns.visitedAt, new Date(query.to)),
    bots === 'all' || query.includeBots ? undefined : sql`not ${columns.bot}`,
  )!;
}

const counted = (value: SQL) => value.mapWith(Number);

export async function visitTotals(db: Db, source: VisitSource, query: StatsQuery) {
  const s = sourceOf(source);
  const included = query.includeBots ? sql`true` : sql`not ${s.columns.bot}`;
  return db
    .select({
      group: s.group,
      total: counted(sql`coalesce(sum(${s.columns.visits}) filter (where ${included}), 0)`),
      unique: counted(sql`count(distinct ${s.columns.visitorKey}) filter (where ${included})`),
      bots: counted(sql`coalesce(sum(${s.columns.visits}) filter (where ${s.columns.bot}), 0)`),
    })
    .from(s.table)
    .where(period(s, query, 'all'))
    .groupBy(sql`1`);
}

export async function visitsByDay(db: Db, source: VisitSource, query: StatsQuery) {
  const s = sourceOf(source);
  const day = sql<string>`to_char(${s.columns.visitedAt} at time zone ${query.timeZone}, 'YYYY-MM-DD')`;
  return db
    .select({ group: s.group, day, visits: counted(sql`sum(${s.columns.visits})`), unique: counted(sql`count(distinct ${s.columns.visitorKey})`) })
    .from(s.table)
    .where(period(s, query, 'as-asked'))
    // By position: the same expression with its own parameters would not match the select list's.
    .groupBy(sql`1`, sql`2`);
}

export async function visitsByHourOfDay(db: Db, source: VisitSource, query: StatsQuery) {
  const s = sourceOf(source);
  const hour = counted(sql`extract(hour from ${s.columns.visitedAt} at time zone ${query.timeZone})`);
  return db
    .select({ group: s.group, hour, visits: counted(sql`sum(${s.columns.visits})`) })
    .from(s.table)
    .where(period(s, query, 'as-asked'))
    .groupBy(sql`1`, sql`2`);
}

/** The `first` most frequent values of a dimension per group, most first (ties by value): one statement for every group. */
export async function visitBreakdown(db: Db, source: VisitSource, query: StatsQuery, dimension: Dimension, first: number) {
  const s = sourceOf(source);
  const columns = s.columns as typeof visits & { path?: typeof orphanVisits.path };
  const column = { referrer: columns.referrerHost, browser: columns.browser, os: columns.os, device: columns.device, country: columns.country, path: columns.path ?? sql`null` }[dimension];
  const ranked = db
    .select({
      group: sql<string>`${s.group}`.as('group_key'),
      value: sql<string | null>`${column}`.as('value'),
      visits: counted(sql`sum(${s.columns.visits})`).as('visits'),
      rank: sql<number>`row_number() over (partition by ${s.group} order by sum(${s.columns.visits}) desc, ${column} asc nulls last)`.as('rank'),
    })
    .from(s.table)
    .where(period(s, query, 'as-asked'))
    .groupBy(sql`1`, sql`2`)
    .as('ranked');
  return db
    .select({ group: ranked.group, value: ranked.value, visits: ranked.visits })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${first}`)
    .orderBy(ranked.group, sql`${ranked.rank}`);
}
