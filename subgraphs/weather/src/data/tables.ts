import { boolean, doublePrecision, index, pgSchema, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything weather stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const weatherSchema = pgSchema('weather');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

export const savedLocations = weatherSchema.table(
  'saved_locations',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    /** The place found by name, when it was saved by name. */
    placeName: text('place_name'),
    countryCode: text('country_code'),
    region: text('region'),
    /** Rounded like every cached answer (coordinates.ts), so the location and its forecast share one key. */
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** `pointKey` of the rounded point: saved locations at a refreshed point are found by it. */
    gridKey: text('grid_key').notNull(),
    timeZone: text('time_zone'),
    windGustsThreshold: real('wind_gusts_threshold'),
    heatThreshold: real('heat_threshold'),
    frostThreshold: real('frost_threshold'),
    heavyRainThreshold: real('heavy_rain_threshold'),
    thunderstorms: boolean('thunderstorms').notNull(),
    /** What the last announced warnings were (kinds, severities, times): an update is sent only when this changes. */
    warningsDigest: text('warnings_digest').notNull(),
    warningsEvaluatedAt: instant('warnings_evaluated_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (table) => [index('saved_locations_owner_created_idx').on(table.ownerId, table.createdAt, table.id), index('saved_locations_grid_idx').on(table.gridKey)],
);

export type SavedLocationRow = typeof savedLocations.$inferSelect;
export type NewSavedLocation = typeof savedLocations.$inferInsert;
