import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteCommentsOnPosts, forgetCommentsOf } from '../data/comment-repo';
import { deleteLikesOn, forgetLikesOf } from '../data/like-repo';
import { deletePostData, deletePostsOf } from '../data/post-repo';
import { deleteRevisionsOf } from '../data/revision-repo';

/**
 * An account was deleted, in the transaction that records the event as handled: their posts go
 * with everything on them (slugs, revisions, comments, likes); their comments on others' posts go
 * (or lose their text where others replied); their likes go and the counts go down.
 */
export const forgetDeletedAccount: EventHandler<typeof accountEvents, 'account.deleted'> = async (event, { tx, log }) => {
  const userId = event.payload.userId;
  const postIds = await deletePostsOf(tx, userId);
  await deletePostData(tx, postIds);
  await deleteRevisionsOf(tx, postIds);
  const commentIds = await deleteCommentsOnPosts(tx, postIds);
  await deleteLikesOn(tx, postIds, commentIds);
  await forgetLikesOf(tx, userId);
  await deleteLikesOn(tx, [], await forgetCommentsOf(tx, userId, new Date()));
  log.info({ userId, posts: postIds.length }, 'removed the blog data of a deleted account');
};
