import type DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import type { StatsQuery } from '../domain/stats/stats-query';
import { findLinkPages, findLinksByCodeKeys, findLinksByIds, type LinkPageQuery } from './links-repo';
import { visitBreakdown, visitsByDay, visitsByHourOfDay, visitTotals, type Dimension } from './stats-repo';
import type { LinkRow } from './tables';

export type Totals = Awaited<ReturnType<typeof visitTotals>>[number];
export type DayRow = Awaited<ReturnType<typeof visitsByDay>>[number];
export type HourRow = Awaited<ReturnType<typeof visitsByHourOfDay>>[number];
export type BreakdownRow = Awaited<ReturnType<typeof visitBreakdown>>[number];
export type BreakdownQuery = StatsQuery & { dimension: Dimension; first: number };

/**
 * Per-request loaders: `_entities` with N users asking for `links`, or a page of links each asking
 * for `stats { … }`, is one statement per field, whatever N. After a write, refresh them with
 * kit's `refreshLoaders`.
 */
export interface Loaders {
  linkById: DataLoader<string, LinkRow | null>;
  linkByCodeKey: DataLoader<string, LinkRow | null>;
  linkPage: DataLoader<ParentKey<LinkPageQuery>, LinkRow[], string>;
  statsTotals: DataLoader<ParentKey<StatsQuery>, Totals | null, string>;
  statsByDay: DataLoader<ParentKey<StatsQuery>, DayRow[], string>;
  statsByHour: DataLoader<ParentKey<StatsQuery>, HourRow[], string>;
  statsBreakdown: DataLoader<ParentKey<BreakdownQuery>, BreakdownRow[], string>;
}

const links = (linkIds: readonly string[]) => ({ kind: 'links' as const, linkIds });
const byGroup = (row: { group: string }) => row.group;
const all = <R>(rows: R[]) => rows;

export function createLoaders(db: Db): Loaders {
  return {
    linkById: rowLoader((ids: readonly string[]) => findLinksByIds(db, ids), (row) => row.id),
    linkByCodeKey: rowLoader((keys: readonly string[]) => findLinksByCodeKeys(db, keys), (row) => row.codeKey),
    linkPage: parentQueryLoader((ownerIds, query: LinkPageQuery) => findLinkPages(db, ownerIds, query), (row) => row.ownerId ?? '', all),
    statsTotals: parentQueryLoader((ids, query: StatsQuery) => visitTotals(db, links(ids), query), byGroup, (rows) => rows[0] ?? null),
    statsByDay: parentQueryLoader((ids, query: StatsQuery) => visitsByDay(db, links(ids), query), byGroup, all),
    statsByHour: parentQueryLoader((ids, query: StatsQuery) => visitsByHourOfDay(db, links(ids), query), byGroup, all),
    statsBreakdown: parentQueryLoader((ids, { dimension, first, ...query }: BreakdownQuery) => visitBreakdown(db, links(ids), query, dimension, first), byGroup, all),
  };
}
