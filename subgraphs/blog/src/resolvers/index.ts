import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { Comment } from './Comment';
import { addComment, deleteComment, editComment, moderateComment } from './Mutation/comments';
import { likeComment, likePost, unlikeComment, unlikePost } from './Mutation/likes';
import { archivePost, createPost, publishPost, restorePostRevision, schedulePost, unpublishPost, updatePost } from './Mutation/posts';
import { Post } from './Post';
import { PostRevision } from './PostRevision';
import { commentModerationQueue } from './Query/commentModerationQueue';
import { post } from './Query/post';
import { postBySlug } from './Query/postBySlug';
import { posts } from './Query/posts';
import { commentAdded } from './Subscription/commentAdded';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { post, postBySlug, posts, commentModerationQueue },
  Mutation: {
    createPost,
    updatePost,
    publishPost,
    schedulePost,
    unpublishPost,
    archivePost,
    restorePostRevision,
    addComment,
    editComment,
    deleteComment,
    moderateComment,
    likePost,
    unlikePost,
    likeComment,
    unlikeComment,
  },
  Subscription: { commentAdded },
  Post,
  Comment,
  PostRevision,
  User,
};
