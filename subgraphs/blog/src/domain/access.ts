import { ADMIN_ROLE, ForbiddenError, NotFoundError, type Authorization } from '@mosaic/kit';
import type { CommentRow, PostRow } from '../data/tables';

/**
 * Blog's roles (accounts grants them): `author` writes their own posts, `editor` edits any post
 * and moderates comments, `admin` does everything. Anyone, signed in or not, reads published posts.
 */
export const EDITOR_ROLE = 'editor';

export const isEditor = (auth: Authorization): boolean => auth.hasRole(EDITOR_ROLE) || auth.hasRole(ADMIN_ROLE);

/** Published posts are public; the others belong to their author and the editors. */
export function maySee(auth: Authorization, post: PostRow): boolean {
  if (post.status === 'published') return true;
  return auth.viewer !== null && (post.authorId === auth.viewer.userId || isEditor(auth));
}

export function mayEdit(auth: Authorization, post: PostRow): boolean {
  return auth.viewer !== null && auth.hasScope('blog:write') && (post.authorId === auth.viewer.userId || isEditor(auth));
}

/**
 * For writes: NOT_FOUND when the caller may not even see the post (someone else's draft looks
 * like a missing one); FORBIDDEN when they see it but it is another author's.
 */
export function assertMayEdit(auth: Authorization, post: PostRow | undefined | null): asserts post is PostRow {
  auth.require('blog:write');
  if (!post || !maySee(auth, post)) throw new NotFoundError('Post');
  if (!mayEdit(auth, post)) throw new ForbiddenError("You can only edit your own posts; editing another author's post needs the editor role.");
}

/** A comment is public when approved on a published post; pending ones are for their author and the editors. */
export function maySeeComment(auth: Authorization, comment: CommentRow): boolean {
  if (comment.status === 'approved') return true;
  if (!auth.viewer) return false;
  return isEditor(auth) || (comment.status === 'pending' && comment.authorId === auth.viewer.userId);
}
