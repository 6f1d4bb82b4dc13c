import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything files stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const filesSchema = pgSchema('files');

export const files = filesSchema.table(
  'files',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (table) => [index('files_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc())],
);

export type FileRow = typeof files.$inferSelect;
