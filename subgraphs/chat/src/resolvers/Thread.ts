import { listReplies, threadRootMessage, threadUnreadCount, viewerFollows } from '../domain/threads';
import type { ThreadResolvers } from '../resolvers.generated';

export const Thread: ThreadResolvers = {
  root: (thread, _args, ctx) => threadRootMessage(ctx, thread),
  replies: (thread, args, ctx) => listReplies(ctx, thread, args),
  viewerFollows: (thread, _args, ctx) => viewerFollows(ctx, thread),
  unreadCount: (thread, _args, ctx) => threadUnreadCount(ctx, thread),
};
