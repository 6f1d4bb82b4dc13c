import { and, arrayContains, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { posts, postSlugs, type NewPost, type PostRow, type PostStatus } from './tables';

/** Every column but the search document, which only SQL reads. */
export const postColumns = {
  id: posts.id,
  authorId: posts.authorId,
  title: posts.title,
  slug: posts.slug,
  bodyMarkdown: posts.bodyMarkdown,
  bodyHtml: posts.bodyHtml,
  excerpt: posts.excerpt,
  customExcerpt: posts.customExcerpt,
  tags: posts.tags,
  coverImageUrl: posts.coverImageUrl,
  readingMinutes: posts.readingMinutes,
  status: posts.status,
  publishAt: posts.publishAt,
  publishedAt: posts.publishedAt,
  revision: posts.revision,
  likeCount: posts.likeCount,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
};

export async function insertPost(db: Db, row: NewPost): Promise<PostRow> {
  const [inserted] = await db.insert(posts).values(row).returning(postColumns);
  return inserted!;
}

export async function updatePost(db: Db, id: string, changes: Partial<NewPost>): Promise<PostRow> {
  const [updated] = await db.update(posts).set(changes).where(eq(posts.id, id)).returning(postColumns);
  return updated!;
}

/** The post under a row lock: every writer of a post (saves, status changes, likes) takes it first. */
export async function lockPost(tx: Db, id: string): Promise<PostRow | undefined> {
  const [row] = await tx.select(postColumns).from(posts).where(eq(posts.id, id)).for('update');
  return row;
}

export function findPostsByIds(db: Db, ids: readonly string[]): Promise<PostRow[]> {
  return db.select(postColumns).from(posts).where(inArray(posts.id, [...ids]));
}

/** The post that has (or had) this slug. */
export async function findPostIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await db.select({ postId: postSlugs.postId }).from(postSlugs).where(eq(postSlugs.slug, slug));
  return row?.postId;
}

/**
 * Claims a slug for a post; false when another post has (or ever had) it. Claiming a slug the post
 * itself had before succeeds (it becomes current again).
 */
export async function claimSlug(tx: Db, slug: string, postId: string, now: Date): Promise<boolean> {
  const inserted = await tx.insert(postSlugs).values({ slug, postId, createdAt: now }).onConflictDoNothing().returning({ slug: postSlugs.slug });
  if (inserted.length > 0) return true;
  return (await findPostIdBySlug(tx, slug)) === postId;
}

/** Earlier slugs of each post, oldest first (one statement for all). */
export function findSlugsOf(db: Db, postIds: readonly string[]) {
  return db.select().from(postSlugs).where(inArray(postSlugs.postId, [...postIds])).orderBy(postSlugs.createdAt, postSlugs.slug);
}

export interface PostListQuery {
  status: PostStatus;
  authorId: string | null;
  tag: string | null;
  search: string | null;
  limit: number;
  /** The sort key of the last row seen: [rank?, sortAt, id]. */
  after: (string | number)[] | null;
}

const searchQuery = (text: string): SQL => sql`websearch_to_tsquery('english', ${text})`;
/** Published posts sort by publication, the others by their last change. */
const sortAtOf = (status: PostStatus) => (status === 'published' ? posts.publishedAt : posts.updatedAt);

export interface RankedPost extends PostRow {
  rank: number | null;
}

/** A page of posts, newest first — or most relevant first when searching; keyset by the sort key. */
export async function findPostPage(db: Db, query: PostListQuery): Promise<RankedPost[]> {
  const sortAt = sortAtOf(query.status);
  const tsquery = query.search ? searchQuery(query.search) : null;
  const rank = (tsquery ? sql<number | null>`ts_rank(${posts.searchDocument}, ${tsquery})::float8` : sql<number | null>`null::float8`).as('rank');
  const after = query.after;
  let keyset: SQL | undefined;
  if (after && tsquery) keyset = sql`(ts_rank(${posts.searchDocument}, ${tsquery})::float8, ${sortAt}, ${posts.id}) < (${after[0]}::float8, ${after[1]}::timestamptz, ${after[2]}::uuid)`;
  else if (after) keyset = sql`(${sortAt}, ${posts.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`;
  const rows = await db
    .select({ ...postColumns, rank })
    .from(posts)
    .where(
      and(
        eq(posts.status, query.status),
        query.authorId ? eq(posts.authorId, query.authorId) : undefined,
        query.tag ? arrayContains(posts.tags, [query.tag]) : undefined,
        tsquery ? sql`${posts.searchDocument} @@ ${tsquery}` : undefined,
        keyset,
      ),
    )
    .orderBy(...(tsquery ? [sql`"rank" desc`] : []), sql`${sortAt} desc`, sql`${posts.id} desc`)
    .limit(query.limit + 1);
  return rows as RankedPost[];
}

export interface AuthorPostsQuery {
  status: PostStatus;
  limit: number;
  after: [string, string] | null;
}

/** Each author's first page (one statement for every author asked for): ranked within each author. */
export async function findAuthorPostPages(db: Db, authorIds: readonly string[], query: AuthorPostsQuery): Promise<PostRow[]> {
  const sortAt = sortAtOf(query.status);
  const after = query.after;
  const ranked = db
    .select({ ...postColumns, rank: sql<number>`row_number() over (partition by ${posts.authorId} order by ${sortAt} desc, ${posts.id} desc)`.as('rank') })
    .from(posts)
    .where(
      and(
        inArray(posts.authorId, [...authorIds]),
        eq(posts.status, query.status),
        after ? sql`(${sortAt}, ${posts.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .as('ranked');
  const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${query.limit + 1}`);
  const sortKey = (row: PostRow) => (query.status === 'published' ? row.publishedAt! : row.updatedAt).getTime();
  return rows.map(({ rank: _rank, ...row }) => row as PostRow).sort((a, b) => sortKey(b) - sortKey(a) || (a.id < b.id ? 1 : -1));
}

/** Scheduled posts that are due, locked so that a concurrent scheduler (another replica) skips them. */
export function lockDuePosts(tx: Db, now: Date, limit: number): Promise<PostRow[]> {
  return tx
    .select(postColumns)
    .from(posts)
    .where(and(eq(posts.status, 'scheduled'), lte(posts.publishAt, now)))
    .orderBy(posts.publishAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** The newest published posts, for the feeds. */
export function findLatestPublished(db: Db, limit: number): Promise<PostRow[]> {
  return db.select(postColumns).from(posts).where(eq(posts.status, 'published')).orderBy(sql`${posts.publishedAt} desc`, sql`${posts.id} desc`).limit(limit);
}

export async function deletePostsOf(tx: Db, authorId: string): Promise<string[]> {
  return (await tx.delete(posts).where(eq(posts.authorId, authorId)).returning({ id: posts.id })).map((row) => row.id);
}

export async function deletePostData(tx: Db, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  await tx.delete(postSlugs).where(inArray(postSlugs.postId, postIds));
}
