import { bytea } from '@mosaic/kit';
import { index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InteractionKind } from '../model/behaviour';

/** Everything recommendations stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const recommendationsSchema = pgSchema('recommendations');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/**
 * The items that can be recommended, learned from the owning subgraphs' events (a product
 * listed, a post published) with the content features cold start uses. Raw ids: items are
 * federation entities owned elsewhere, so there is no foreign key across subgraphs.
 */
export const items = recommendationsSchema.table(
  'items',
  {
    kind: text('kind').$type<ItemKind>().notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    category: text('category'),
    tags: text('tags').array().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.id] }), index('items_kind_created_idx').on(table.kind, table.createdAt.desc())],
);

export type ItemKind = 'PRODUCT' | 'POST';

export const interactions = recommendationsSchema.table(
  'interactions',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id. */
    userId: uuid('user_id').notNull(),
    itemKind: text('item_kind').$type<ItemKind>().notNull(),
    itemId: uuid('item_id').notNull(),
    kind: text('kind').$type<InteractionKind>().notNull(),
    rating: smallint('rating'),
    /** Where it came from: `api` (recordInteraction) or the event type it was learned from. */
    source: text('source').notNull(),
    occurredAt: at('occurred_at').notNull(),
  },
  (table) => [index('interactions_user_occurred_idx').on(table.userId, table.occurredAt.desc(), table.id.desc()), index('interactions_occurred_idx').on(table.occurredAt)],
);

export type InteractionRow = typeof interactions.$inferSelect;
export type ItemRow = typeof items.$inferSelect;

/** Every trained model, newest last; replicas load the newest, so one training serves them all. */
export const models = recommendationsSchema.table('models', {
  version: integer('version').primaryKey(),
  trainedAt: at('trained_at').notNull(),
  stats: jsonb('stats').$type<{ users: number; items: number; cells: number; trainingMs: number }>().notNull(),
  body: bytea('body').notNull(),
});

/** One row: who is training and until when, so one replica trains while the others keep serving. */
export const trainingLease = recommendationsSchema.table('training_lease', {
  id: smallint('id').primaryKey(),
  holder: text('holder').notNull(),
  until: at('until').notNull(),
});
