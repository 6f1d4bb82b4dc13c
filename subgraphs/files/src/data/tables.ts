import { bigint, index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything files stores lives in its own PostgreSQL schema. No column defaults: the application owns values. */
export const filesSchema = pgSchema('files');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** One stored file: its metadata here, its bytes in the object storage under `storageKey`. */
export const files = filesSchema.table(
  'files',
  {
    id: uuid('id').primaryKey(),
    /** Raw accounts user id; users are federation entities, so there is no foreign key across subgraphs. */
    ownerId: uuid('owner_id').notNull(),
    /** The name as shown and offered on download, already neutralised (no path, no control characters). */
    name: text('name').notNull(),
    /** Sniffed from the content, never taken from the client. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the content; also the download ETag. */
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Set once the thumbnail job has stored one (images only). */
    thumbnailKey: text('thumbnail_key'),
    /** Non-null while the file has a public link: `/files/p/<publicToken>` serves it to anyone. */
    publicToken: text('public_token').unique(),
    /**
     * Whose storage the bytes count against: the organisation (raw tenancy id) the upload was made
     * within, under its plan's storage quota; null: the owner's own (FILES_QUOTA_BYTES).
     */
    usageAccountId: uuid('usage_account_id'),
    createdAt: at('created_at').notNull(),
  },
  (table) => [index('files_owner_created_idx').on(table.ownerId, table.createdAt.desc(), table.id.desc())],
);

/** Users a file is shared with (read access). */
export const fileShares = filesSchema.table(
  'file_shares',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.fileId, table.userId] }), index('file_shares_user_idx').on(table.userId)],
);

/** Bytes and files each user holds, kept in the transaction of every upload and deletion. */
export const storageUsage = filesSchema.table('storage_usage', {
  ownerId: uuid('owner_id').primaryKey(),
  bytesUsed: bigint('bytes_used', { mode: 'number' }).notNull(),
  fileCount: bigint('file_count', { mode: 'number' }).notNull(),
  updatedAt: at('updated_at').notNull(),
});

/**
 * Storage entitlement of each organisation's plan in force, projected from tenancy's
 * `plan.changed` events (tenancy owns plans); a stale event loses to the newer state by its time.
 */
export const organizationPlans = filesSchema.table('organization_plans', {
  organizationId: uuid('organization_id').primaryKey(),
  plan: text('plan').notNull(),
  /** null: unlimited. */
  storageBytes: bigint('storage_bytes', { mode: 'bigint' }),
  changedAt: at('changed_at').notNull(),
});

export type FileRow = typeof files.$inferSelect;
export type OrganizationPlanRow = typeof organizationPlans.$inferSelect;
export type FileShareRow = typeof fileShares.$inferSelect;
export type StorageUsageRow = typeof storageUsage.$inferSelect;
