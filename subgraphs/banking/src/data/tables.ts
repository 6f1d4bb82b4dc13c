import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything banking stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const bankingSchema = pgSchema('banking');

export const bankAccounts = bankingSchema.table(
  'bank_accounts',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (table) => [index('bank_accounts_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc())],
);

export type BankAccountRow = typeof bankAccounts.$inferSelect;
