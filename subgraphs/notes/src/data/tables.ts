import { sql } from 'drizzle-orm';
import { bytea } from '@mosaic/kit';
import { boolean, customType, index, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
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
     * The co-editing document (Yjs) compacted into one update: `body` is always its Y.Text
     * "body" as text. Null until the note is first opened for co-editing; updates applied since
     * the last compaction are rows of `note_crdt_updates`.
     */
    crdtState: bytea('crdt_state'),
    /** The owner's notebook the note is filed in; null: none. A notebook's deletion leaves its notes unfiled (see the domain). */
    notebookId: uuid('notebook_id').references((): AnyPgColumn => notebooks.id, { onDelete: 'set null' }),
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
    index('notes_owner_notebook_idx').on(t.ownerId, t.notebookId),
  ],
);

export type NoteRecord = typeof notes.$inferSelect;
/** A note as the application reads it: everything but the search document and the co-editing state (both can be large). */
export type NoteRow = Omit<NoteRecord, 'searchDocument' | 'crdtState'>;
export type NewNote = Omit<typeof notes.$inferInsert, 'searchDocument' | 'crdtState'>;

export const SHARE_ROLES = ['editor', 'viewer'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

/**
 * Another user a note is shared with, as editor (co-edits the body) or viewer (reads it). Row-level
 * security on `notes` reads this table (migration 0004), so it carries no RLS itself (a policy here
 * that read `notes` would recurse); only the domain writes it, after proving the note is the
 * viewer's own.
 */
export const noteShares = notesSchema.table(
  'note_shares',
  {
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    /** Raw accounts user id of the person the note is shared with. */
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: SHARE_ROLES }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.userId] }), index('note_shares_user_idx').on(t.userId, t.noteId)],
);

export type NoteShareRow = typeof noteShares.$inferSelect;

/**
 * Yjs updates applied to a note since its state was last compacted into `notes.crdt_state`, in
 * the order the server applied them (uuidv7 ids). Compaction folds them in and deletes them.
 */
export const noteCrdtUpdates = notesSchema.table(
  'note_crdt_updates',
  {
    id: uuid('id').primaryKey(),
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    update: bytea('update').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('note_crdt_updates_note_idx').on(t.noteId, t.id)],
);

/**
 * The states a note's title and body had, newest last. A burst of edits by one person within
 * `NOTES_REVISION_INTERVAL_SECONDS` of a revision's start updates that revision instead of adding
 * one (typing live would otherwise make one per keystroke); revisions older than the retention are
 * neither listed nor kept (pruned when the note is next written).
 */
export const noteRevisions = notesSchema.table(
  'note_revisions',
  {
    id: uuid('id').primaryKey(),
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').notNull(),
    /** When the burst of edits this revision holds began. */
    createdAt: instant('created_at').notNull(),
    /** When it was last replaced by a later state of the same burst. */
    savedAt: instant('saved_at').notNull(),
  },
  (t) => [index('note_revisions_note_idx').on(t.noteId, t.createdAt, t.id)],
);

export type NoteRevisionRow = typeof noteRevisions.$inferSelect;

/**
 * A user's notebooks, nested: `parent_id` null is a top-level notebook. The domain refuses a move
 * that would make a notebook its own ancestor (under a per-owner lock, so two moves cannot
 * together close a cycle). Private to their owner, by row-level security too (migration 0008).
 */
export const notebooks = notesSchema.table(
  'notebooks',
  {
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => notebooks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('notebooks_owner_parent_idx').on(t.ownerId, t.parentId, t.id)],
);

export type NotebookRow = typeof notebooks.$inferSelect;

/**
 * Public read-only links to a note. Only the SHA-256 of the token is stored (the token is shown
 * once, when the link is made), so these rows give nothing away. No row-level security: the public
 * route reads a link by its token's hash before anyone is signed in, then reads the note bound to
 * the link's creator (the note's owner), under the note's policies.
 */
export const noteShareLinks = notesSchema.table(
  'note_share_links',
  {
    id: uuid('id').primaryKey(),
    noteId: uuid('note_id').notNull().references(() => notes.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    /** Null: until revoked. */
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [uniqueIndex('note_share_links_token_idx').on(t.tokenHash), index('note_share_links_note_idx').on(t.noteId, t.createdAt)],
);

export type NoteShareLinkRow = typeof noteShareLinks.$inferSelect;
