import type { Connection, UserReference } from '@mosaic/kit';
import type { LinkRow } from './data/tables';
import type { StatsScope } from './domain/stats/visit-stats';

export type UserMapper = UserReference;
export type LinkMapper = LinkRow;
export type LinkConnectionMapper = Connection<LinkRow>;
export type LinkStatsMapper = StatsScope;
export type OrphanVisitStatsMapper = StatsScope;
/** The raw id of the deleted link. */
export type DeleteLinkPayloadMapper = { deletedId: string };
