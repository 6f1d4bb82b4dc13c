import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgSchema, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything stocks stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns values. Prices are integers in the instrument's minor units (cents for USD): exact, and
 * what the GraphQL API exposes.
 */
export const stocksSchema = pgSchema('stocks');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const minor = (name: string) => bigint(name, { mode: 'number' });

/** Reference data, seeded by migration 0001; changes only through migrations. */
export const instruments = stocksSchema.table(
  'instruments',
  {
    id: uuid('id').primaryKey(),
    /** Upper case, the public key of an instrument (what clients subscribe with). */
    symbol: text('symbol').notNull().unique('instruments_symbol_key'),
    name: text('name').notNull(),
    /** ISO 10383 MIC for real listings; "MOSAIC" for the simulated exchange of fictional companies. */
    exchange: text('exchange').notNull(),
    /** ISO 4217. */
    currency: text('currency').notNull(),
    /** Minor units per major unit = 10^price_decimals (2 for USD and EUR). */
    priceDecimals: smallint('price_decimals').notNull(),
    /** The symbol at the real provider (Finnhub); null for fictional instruments, which only the simulator quotes. */
    providerSymbol: text('provider_symbol'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    check('instruments_symbol_format', sql`${t.symbol} ~ '^[A-Z0-9.\\-]{1,12}$'`),
    check('instruments_currency_format', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('instruments_price_decimals_range', sql`${t.priceDecimals} between 0 and 4`),
  ],
);

/**
 * OHLCV per (symbol, interval, bucket start), aggregated from trades (or imported). A bucket is
 * written many times while it is open: writers merge partial candles into it (see candles-repo).
 */
export const candles = stocksSchema.table(
  'candles',
  {
    symbol: text('symbol')
      .notNull()
      .references(() => instruments.symbol),
    /** M1, M5, H1 or D1 (see domain/intervals.ts). */
    interval: text('interval').notNull(),
    /** Bucket start, UTC, aligned to the interval (D1: midnight UTC). */
    start: instant('start').notNull(),
    open: minor('open').notNull(),
    high: minor('high').notNull(),
    low: minor('low').notNull(),
    close: minor('close').notNull(),
    volume: bigint('volume', { mode: 'number' }).notNull(),
    trades: integer('trades').notNull(),
    /** Time of the trades that set open and close: partial candles merge by them, so late trades land right. */
    firstTradeAt: instant('first_trade_at').notNull(),
    lastTradeAt: instant('last_trade_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'candles_pkey', columns: [t.symbol, t.interval, t.start] }),
    check('candles_interval_known', sql`${t.interval} in ('M1', 'M5', 'H1', 'D1')`),
    check('candles_ohlc_consistent', sql`${t.low} <= least(${t.open}, ${t.close}) and ${t.high} >= greatest(${t.open}, ${t.close}) and ${t.low} > 0`),
    check('candles_volume_non_negative', sql`${t.volume} >= 0 and ${t.trades} >= 0`),
  ],
);

/**
 * The latest quote per instrument, written by the replica that ingests the feed (at each candle
 * flush), so any replica can answer `Instrument.quote` and a restart resumes the trading day.
 */
export const quotes = stocksSchema.table('quotes', {
  symbol: text('symbol')
    .primaryKey()
    .references(() => instruments.symbol),
  last: minor('last').notNull(),
  bid: minor('bid'),
  ask: minor('ask'),
  /** The last price of the previous UTC trading day; null until one has been seen. */
  previousClose: minor('previous_close'),
  /** The UTC day `day_volume` counts. */
  dayStart: instant('day_start').notNull(),
  dayVolume: bigint('day_volume', { mode: 'number' }).notNull(),
  /** Time of the last trade. */
  at: instant('at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const watchlists = stocksSchema.table(
  'watchlists',
  {
    id: uuid('id').primaryKey(),
    /** The raw accounts user id (users live in another subgraph, so no foreign key). */
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** The owner's order of their watchlists: 0, 1, 2… */
    position: integer('position').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('watchlists_owner_name_key').on(t.ownerId, sql`lower(${t.name})`),
    index('watchlists_owner_position_idx').on(t.ownerId, t.position, t.id),
    check('watchlists_name_length', sql`char_length(${t.name}) between 1 and 60`),
  ],
);

export const watchlistSymbols = stocksSchema.table(
  'watchlist_symbols',
  {
    watchlistId: uuid('watchlist_id')
      .notNull()
      .references(() => watchlists.id, { onDelete: 'cascade' }),
    symbol: text('symbol')
      .notNull()
      .references(() => instruments.symbol),
    /** Order within the watchlist: 0, 1, 2… (renumbered on every change; lists are short). */
    position: integer('position').notNull(),
    addedAt: instant('added_at').notNull(),
  },
  (t) => [primaryKey({ name: 'watchlist_symbols_pkey', columns: [t.watchlistId, t.symbol] }), index('watchlist_symbols_order_idx').on(t.watchlistId, t.position)],
);

export const priceAlerts = stocksSchema.table(
  'price_alerts',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    symbol: text('symbol')
      .notNull()
      .references(() => instruments.symbol),
    /** ABOVE, BELOW or PERCENT_MOVE. */
    condition: text('condition').notNull(),
    /** ABOVE / BELOW: the threshold, in minor units. */
    price: minor('price'),
    /** PERCENT_MOVE: the move that triggers, in basis points (300 = 3%). */
    moveBps: integer('move_bps'),
    /** PERCENT_MOVE: the trailing window the move is measured in. */
    windowSeconds: integer('window_seconds'),
    /** ARMED (evaluated on every trade) or TRIGGERED (fired; waits for a re-arm). */
    status: text('status').notNull(),
    /**
     * Incremented by every re-arm. Firing is `UPDATE … WHERE status = 'ARMED' AND generation = $g`
     * plus a trigger row unique per (alert, generation): an alert fires once per arming, however
     * many evaluators race.
     */
    generation: integer('generation').notNull(),
    armedAt: instant('armed_at').notNull(),
    triggeredAt: instant('triggered_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('price_alerts_armed_symbol_idx').on(t.symbol).where(sql`${t.status} = 'ARMED'`),
    index('price_alerts_owner_idx').on(t.ownerId, t.createdAt, t.id),
    check('price_alerts_condition_known', sql`${t.condition} in ('ABOVE', 'BELOW', 'PERCENT_MOVE')`),
    check('price_alerts_status_known', sql`${t.status} in ('ARMED', 'TRIGGERED')`),
    check(
      'price_alerts_parameters',
      sql`(${t.condition} in ('ABOVE', 'BELOW') and ${t.price} > 0 and ${t.moveBps} is null and ${t.windowSeconds} is null)
        or (${t.condition} = 'PERCENT_MOVE' and ${t.price} is null and ${t.moveBps} between 1 and 10000 and ${t.windowSeconds} between 60 and 86400)`,
    ),
    check('price_alerts_triggered_iff_time', sql`(${t.status} = 'TRIGGERED') = (${t.triggeredAt} is not null)`),
  ],
);

/** History of firings. Kept when the alert is deleted (alert_id becomes null; the rule is copied). */
export const priceAlertTriggers = stocksSchema.table(
  'price_alert_triggers',
  {
    id: uuid('id').primaryKey(),
    alertId: uuid('alert_id').references(() => priceAlerts.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').notNull(),
    symbol: text('symbol').notNull(),
    generation: integer('generation').notNull(),
    condition: text('condition').notNull(),
    threshold: minor('threshold'),
    moveBps: integer('move_bps'),
    windowSeconds: integer('window_seconds'),
    /** The trade price that fired the alert. */
    price: minor('price').notNull(),
    /** PERCENT_MOVE: the window's low (upward move) or high (downward move) the move is measured from. */
    referencePrice: minor('reference_price'),
    /** When the trade that fired it happened. */
    triggeredAt: instant('triggered_at').notNull(),
  },
  (t) => [
    uniqueIndex('price_alert_triggers_once_key').on(t.alertId, t.generation),
    index('price_alert_triggers_owner_idx').on(t.ownerId, t.triggeredAt, t.id),
  ],
);

export type InstrumentRow = typeof instruments.$inferSelect;
export type CandleRow = typeof candles.$inferSelect;
export type QuoteRow = typeof quotes.$inferSelect;
export type WatchlistRow = typeof watchlists.$inferSelect;
export type WatchlistSymbolRow = typeof watchlistSymbols.$inferSelect;
export type PriceAlertRow = typeof priceAlerts.$inferSelect;
export type PriceAlertTriggerRow = typeof priceAlertTriggers.$inferSelect;
