import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Everything links stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const linksSchema = pgSchema('links');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const links = linksSchema.table(
  'links',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; null for an anonymous link. No foreign key across subgraphs. */
    ownerId: uuid('owner_id'),
    /** As created (generated or the alias); `codeKey` is its lower-case form, the lookup key. */
    code: text('code').notNull(),
    codeKey: text('code_key').notNull(),
    targetUrl: text('target_url').notNull(),
    title: text('title'),
    tags: text('tags').array().notNull(),
    /** 301 or 302. */
    redirectStatus: smallint('redirect_status').notNull(),
    expiresAt: instant('expires_at'),
    maxVisits: integer('max_visits'),
    /**
     * Every visit, bots included. Links with `maxVisits` count each visit here before redirecting
     * (a conditional UPDATE, exact under concurrency); the others when their batch of visits is written.
     */
    visitCount: integer('visit_count').notNull(),
    /** argon2id. */
    passwordHash: text('password_hash'),
    disabledAt: instant('disabled_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('links_code_key_idx').on(table.codeKey),
    index('links_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc()),
    index('links_tags_idx').using('gin', table.tags),
    check('links_redirect_status_check', sql`${table.redirectStatus} in (301, 302)`),
    check('links_visit_count_check', sql`${table.visitCount} >= 0`),
  ],
);

export type LinkRow = typeof links.$inferSelect;
export type NewLink = typeof links.$inferInsert;

/**
 * Visits, counted per minute and per identical facts: one row holds every visit to a link in one
 * minute by one visitor (network + browser) from one referrer. Every statistic the API offers (days
 * and hours in any time zone, unique visitors, breakdowns) comes out exactly; a burst of repeats
 * (refreshes, bots) costs one row. Nothing identifies a person (the address is cut before storage).
 * Append-only facts without a primary key: rows are only ever read by range and deleted with their
 * link, and a key index would be a third of the cost of every write on the redirect's busiest path.
 */
const visitColumns = {
  /** The start of the minute. */
  visitedAt: instant('visited_at').notNull(),
  /** How many visits this row stands for (≥ 1). */
  visits: integer('visits').notNull(),
  referrerHost: text('referrer_host'),
  browser: text('browser'),
  os: text('os'),
  /** desktop, mobile, tablet, tv, bot or null. */
  device: text('device'),
  bot: boolean('bot').notNull(),
  /** The IPv4 /24 or IPv6 /48 the visit came from, e.g. "203.0.113.0". */
  network: text('network'),
  /** ISO 3166-1 alpha-2, when a GeoIP database is configured. */
  country: text('country'),
  /** A hash of the network and the user agent: "unique visitors" counts distinct values. */
  visitorKey: text('visitor_key').notNull(),
};

export const visits = linksSchema.table(
  'visits',
  {
    ...visitColumns,
    /** Deleted with its link (in the same transaction); visits still queued for a deleted link are dropped when written. */
    linkId: uuid('link_id').notNull(),
  },
  (table) => [index('visits_link_visited_idx').on(table.linkId, table.visitedAt), check('visits_visits_check', sql`${table.visits} >= 1`)],
);

/** Requests for codes that do not exist (Shlink's "orphan visits"). */
export const orphanVisits = linksSchema.table(
  'orphan_visits',
  {
    ...visitColumns,
    /** The path asked for, cut to 200 characters. */
    path: text('path').notNull(),
  },
  (table) => [index('orphan_visits_visited_idx').on(table.visitedAt), check('orphan_visits_visits_check', sql`${table.visits} >= 1`)],
);

export type VisitRow = typeof visits.$inferSelect;
