import { encodeId, userReference } from '@mosaic/kit';
import type { TodoCommentResolvers } from '../resolvers.generated';

export const TodoComment: TodoCommentResolvers = {
  id: (comment) => encodeId('TodoComment', comment.id),
  author: (comment) => userReference(comment.authorId),
};
