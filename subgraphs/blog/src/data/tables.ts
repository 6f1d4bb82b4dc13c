import { sql } from 'drizzle-orm';
import { customType, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Everything blog stores lives in its own PostgreSQL schema. No column defaults: the application
 * owns values — the one exception is the search document, which PostgreSQL derives from the row.
 * No foreign keys to users: they are federation entities owned by accounts.
 */
export const blogSchema = pgSchema('blog');

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** Never read by the application (only matched and ranked in SQL), hence no decoding. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const POST_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const posts = blogSchema.table(
  'posts',
  {
    id: uuid('id').primaryKey(),
    /** The raw accounts user id of the author (who owns the post; editors may change it too). */
    authorId: uuid('author_id').notNull(),
    /** For the tenancy issue: null until tenants exist. */
    title: text('title').notNull(),
    /** The current slug; every slug the post ever had is in `post_slugs`. */
    slug: text('slug').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    /** Rendered and sanitised on every save: reads never render. */
    bodyHtml: text('body_html').notNull(),
    /** What readers see: the author's summary, or the start of the text. */
    excerpt: text('excerpt').notNull(),
    /** The summary the author wrote, null when derived from the text. */
    customExcerpt: text('custom_excerpt'),
    /** Normalised by the application (trimmed, lower case, unique, at most 10). */
    tags: text('tags').array().notNull(),
    coverImageUrl: text('cover_image_url'),
    readingMinutes: integer('reading_minutes').notNull(),
    status: text('status', { enum: POST_STATUSES }).notNull(),
    /** When a scheduled post is due; the scheduler publishes it then. */
    publishAt: instant('publish_at'),
    publishedAt: instant('published_at'),
    /** Number of the newest revision; doubles as the version for optimistic concurrency. */
    revision: integer('revision').notNull(),
    /** Maintained in the transaction of each like/unlike, under the post's row lock. */
    likeCount: integer('like_count').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** Title A, tags and excerpt B, body C. `blog.tags_text` is an IMMUTABLE wrapper made by hand in migration 0000. */
    searchDocument: tsvector('search_document')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('english', title), 'A') || ` +
            `setweight(to_tsvector('english', blog.tags_text(tags) || ' ' || excerpt), 'B') || ` +
            `setweight(to_tsvector('english', body_markdown), 'C')`,
        ),
      ),
  },
  (t) => [
    index('posts_published_idx').on(t.status, t.publishedAt.desc(), t.id.desc()),
    index('posts_author_idx').on(t.authorId, t.updatedAt.desc(), t.id.desc()),
    index('posts_due_idx').on(t.publishAt).where(sql`status = 'scheduled'`),
    index('posts_search_idx').using('gin', t.searchDocument),
    index('posts_tags_idx').using('gin', t.tags),
  ],
);

/** Every slug a post has had: the primary key makes a slug, once taken, forever that post's. */
export const postSlugs = blogSchema.table(
  'post_slugs',
  {
    slug: text('slug').primaryKey(),
    postId: uuid('post_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('post_slugs_post_idx').on(t.postId)],
);

/** One row per save: the post's editable fields as they were after it. */
export const postRevisions = blogSchema.table(
  'post_revisions',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    excerpt: text('excerpt'),
    tags: text('tags').array().notNull(),
    coverImageUrl: text('cover_image_url'),
    /** Who saved it (the author or an editor). */
    savedBy: uuid('saved_by').notNull(),
    /** Set when this save restored an older revision. */
    restoredFrom: integer('restored_from'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('post_revisions_post_number_idx').on(t.postId, t.number)],
);

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const comments = blogSchema.table(
  'comments',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id').notNull(),
    authorId: uuid('author_id').notNull(),
    /** The comment this one replies to (same post), or null for a top-level comment. */
    parentId: uuid('parent_id'),
    bodyMarkdown: text('body_markdown').notNull(),
    bodyHtml: text('body_html').notNull(),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    likeCount: integer('like_count').notNull(),
    moderatedBy: uuid('moderated_by'),
    moderatedAt: instant('moderated_at'),
    createdAt: instant('created_at').notNull(),
    editedAt: instant('edited_at'),
    /** Soft delete: a deleted comment with replies keeps its place in the thread, without its text. */
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    index('comments_post_idx').on(t.postId, t.parentId, t.createdAt, t.id),
    index('comments_author_created_idx').on(t.authorId, t.createdAt),
    index('comments_pending_idx').on(t.createdAt, t.id).where(sql`status = 'pending'`),
  ],
);

export const postLikes = blogSchema.table(
  'post_likes',
  {
    postId: uuid('post_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('post_likes_user_idx').on(t.userId)],
);

export const commentLikes = blogSchema.table(
  'comment_likes',
  {
    commentId: uuid('comment_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index('comment_likes_user_idx').on(t.userId)],
);

export type PostRecord = typeof posts.$inferSelect;
/** A post as the application reads it: everything but the search document. */
export type PostRow = Omit<PostRecord, 'searchDocument'>;
export type NewPost = Omit<typeof posts.$inferInsert, 'searchDocument'>;
export type PostRevisionRow = typeof postRevisions.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
