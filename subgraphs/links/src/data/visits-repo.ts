import { sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';

/** A row of visits as written: what `visit-facts.ts` derived from the requests, nothing more. */
export interface StoredVisit {
  /** The minute's start. */
  visitedAt: string;
  visits: number;
  referrerHost: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  bot: boolean;
  network: string | null;
  country: string | null;
  visitorKey: string;
}

export interface LinkVisitRow extends StoredVisit {
  linkId: string;
}

export interface OrphanVisitRow extends StoredVisit {
  path: string;
}

const columns = (visit: StoredVisit) => ({
  visited_at: visit.visitedAt,
  visits: visit.visits,
  referrer_host: visit.referrerHost,
  browser: visit.browser,
  os: visit.os,
  device: visit.device,
  bot: visit.bot,
  network: visit.network,
  country: visit.country,
  visitor_key: visit.visitorKey,
});

const RECORD = sql.raw(
  'visited_at timestamptz, visits integer, referrer_host text, browser text, os text, device text, bot boolean, network text, country text, visitor_key text',
);
const COLUMNS = sql.raw('visited_at, visits, referrer_host, browser, os, device, bot, network, country, visitor_key');

export interface VisitBatch {
  linkRows: readonly LinkVisitRow[];
  orphanRows: readonly OrphanVisitRow[];
  /** Visits to add to `visit_count`, by link: those of links without a limit (limited links counted theirs when they redirected). */
  uncounted: ReadonlyMap<string, number>;
}

/**
 * A batch of visits in one transaction of at most three statements, however many visits (each
 * list is one JSON parameter, so no parameter limit); visits of links deleted meanwhile are dropped.
 */
export async function writeVisitBatch(db: Db, batch: VisitBatch): Promise<void> {
  await db.transaction(async (tx) => {
    if (batch.linkRows.length > 0) {
      const rows = JSON.stringify(batch.linkRows.map((visit) => ({ ...columns(visit), link_id: visit.linkId })));
      await tx.execute(sql`
        insert into links.visits (${COLUMNS}, link_id)
        select ${COLUMNS}, v.link_id from jsonb_to_recordset(${rows}::jsonb) as v(${RECORD}, link_id uuid)
        where exists (select 1 from links.links l where l.id = v.link_id)`);
    }
    if (batch.uncounted.size > 0) {
      const counts = JSON.stringify([...batch.uncounted].map(([id, n]) => ({ id, n })));
      await tx.execute(sql`
        update links.links l set visit_count = l.visit_count + c.n
        from jsonb_to_recordset(${counts}::jsonb) as c(id uuid, n integer) where l.id = c.id`);
    }
    if (batch.orphanRows.length > 0) {
      const rows = JSON.stringify(batch.orphanRows.map((visit) => ({ ...columns(visit), path: visit.path })));
      await tx.execute(sql`
        insert into links.orphan_visits (${COLUMNS}, path)
        select ${COLUMNS}, v.path from jsonb_to_recordset(${rows}::jsonb) as v(${RECORD}, path text)`);
    }
  });
}
