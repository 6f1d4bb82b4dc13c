import { sql } from 'drizzle-orm';
import { boolean, customType, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SEARCH_CONFIG } from './search-sql';

/**
 * Everything notes stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns values — the one exception is the search document, which PostgreSQL derives from the row.
 */
export const notesSchema = pgSchema('notes');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** Never read by the application (it is only matched and ranked in SQL), hence no decoding. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const notes = notesSchema.table(
  'notes',
  {
    id: uuid('id').primaryKey(),
    /** The raw accounts user id; the public id is encodeId('User', owner_id). Not a foreign key: users live in another subgraph. */
    ownerId: uuid('owner_id').notNull(),
    /**
     * The organisation the note is shared with (raw tenancy id): its members read it, only its
     * author changes it. Null: a personal note. Row-level security (migration 0002) enforces both.
     */
    tenantId: uuid('tenant_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Normalised by the application (trimmed, lower case, unique, at most 20), in the order they were added. */
    tags: text('tags').array().notNull(),
    pinned: boolean('pinned').notNull(),
    archivedAt: instant('archived_at'),
    createdAt: instant('created_at').notNull(),
    /** Changes on every write and never goes backwards: it doubles as the version for optimistic concurrency. */
    updatedAt: instant('updated_at').notNull(),
    /**
     * Weighted document for full-text search: title A, tags B, body C. `notes.tags_text` is an
     * IMMUTABLE wrapper of array_to_string (which PostgreSQL marks STABLE, so a generated column
     * cannot call it directly); it is created by hand at the top of migration 0000.
     */
    searchDocument: tsvector('search_document')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('${SEARCH_CONFIG}', title), 'A') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', notes.tags_text(tags)), 'B') || ` +
            `setweight(to_tsvector('${SEARCH_CONFIG}', body), 'C')`,
        ),
      ),
  },
  (t) => [
    // One index per order, each led by owner_id so a user's page is a short index range scan.
    index('notes_owner_pinned_updated_idx').on(t.ownerId, t.pinned, t.updatedAt, t.id),
    index('notes_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('notes_owner_title_idx').on(t.ownerId, sql`lower(${t.title})`, t.id),
    index('notes_search_idx').using('gin', t.searchDocument),
    index('notes_tags_idx').using('gin', t.tags),
  ],
);

export type NoteRecord = typeof notes.$inferSelect;
/** A note as the application reads it: everything but the search document. */
export type NoteRow = Omit<NoteRecord, 'searchDocument'>;
export type NewNote = Omit<typeof notes.$inferInsert, 'searchDocument'>;
