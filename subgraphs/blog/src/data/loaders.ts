import DataLoader from 'dataloader';
import { parentQueryLoader, rowLoader, type Db, type ParentKey } from '@mosaic/kit';
import { countVisibleComments, findCommentsByIds, findThreadPages, type ThreadQuery } from './comment-repo';
import { findCommentsLikedBy, findPostsLikedBy } from './like-repo';
import { findAuthorPostPages, findPostsByIds, findSlugsOf, type AuthorPostsQuery } from './post-repo';
import type { CommentRow, PostRow } from './tables';

/**
 * Per-request loaders: a page of posts with their comment counts, the viewer's likes, slugs and
 * comment threads costs one statement per field, whatever the page size. After a write, refresh
 * them with kit's `refreshLoaders`.
 */
export interface Loaders {
  postById: DataLoader<string, PostRow | null>;
  commentById: DataLoader<string, CommentRow | null>;
  authorPosts: DataLoader<ParentKey<AuthorPostsQuery>, PostRow[], string>;
  commentCount: DataLoader<string, number>;
  slugsOf: DataLoader<string, string[]>;
  topComments: DataLoader<ParentKey<ThreadQuery>, CommentRow[], string>;
  replies: DataLoader<ParentKey<ThreadQuery>, CommentRow[], string>;
  /** Whether the viewer likes a post / comment (false for an anonymous viewer, without a query). */
  viewerLikesPost: DataLoader<string, boolean>;
  viewerLikesComment: DataLoader<string, boolean>;
}

const likedBy = (viewerId: string | null, find: (db: Db, userId: string, ids: readonly string[]) => Promise<string[]>, db: Db) =>
  new DataLoader<string, boolean>(async (ids) => {
    if (!viewerId) return ids.map(() => false);
    const liked = new Set(await find(db, viewerId, ids));
    return ids.map((id) => liked.has(id));
  });

export function createLoaders(db: Db, viewerId: string | null): Loaders {
  return {
    postById: rowLoader((ids: readonly string[]) => findPostsByIds(db, ids), (row) => row.id),
    commentById: rowLoader((ids: readonly string[]) => findCommentsByIds(db, ids), (row) => row.id),
    authorPosts: parentQueryLoader((authorIds, query: AuthorPostsQuery) => findAuthorPostPages(db, authorIds, query), (row) => row.authorId, (rows) => rows),
    commentCount: new DataLoader(async (postIds) => {
      const counts = new Map((await countVisibleComments(db, postIds)).map((row) => [row.postId, row.n]));
      return postIds.map((id) => counts.get(id) ?? 0);
    }),
    slugsOf: new DataLoader(async (postIds) => {
      const slugs = new Map<string, string[]>();
      for (const row of await findSlugsOf(db, postIds)) slugs.set(row.postId, [...(slugs.get(row.postId) ?? []), row.slug]);
      return postIds.map((id) => slugs.get(id) ?? []);
    }),
    topComments: parentQueryLoader((postIds, query: ThreadQuery) => findThreadPages(db, 'top', postIds, query), (row) => row.postId, (rows) => rows),
    replies: parentQueryLoader((commentIds, query: ThreadQuery) => findThreadPages(db, 'replies', commentIds, query), (row) => row.parentId!, (rows) => rows),
    viewerLikesPost: likedBy(viewerId, findPostsLikedBy, db),
    viewerLikesComment: likedBy(viewerId, findCommentsLikedBy, db),
  };
}
