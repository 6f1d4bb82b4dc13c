import { decodeId, encodeId, userReference } from '@mosaic/kit';
import { attachmentsOf } from '../domain/attachments';
import { replyToOf, roomOf } from '../domain/fields';
import { mentionsOf } from '../domain/mentions';
import { visibleMessage } from '../domain/messages';
import { reactionsOf } from '../domain/reactions';
import { readByOf } from '../domain/read-receipts';
import { threadOf, threadRootOf } from '../domain/threads';
import type { MessageResolvers } from '../resolvers.generated';

export const Message: MessageResolvers = {
  /** `_entities`: a message resolves only for someone who may read its room; otherwise null. */
  __resolveReference: (reference, ctx) => visibleMessage(ctx, decodeId('Message', reference.id)),
  id: (message) => encodeId('Message', message.id),
  room: (message, _args, ctx) => roomOf(ctx, message.roomId),
  /** A reference the gateway resolves through accounts: the public User id. */
  author: (message) => userReference(message.authorId),
  replyTo: (message, _args, ctx) => replyToOf(ctx, message),
  reactions: (message, _args, ctx) => reactionsOf(ctx, message),
  threadRoot: (message, _args, ctx) => threadRootOf(ctx, message),
  thread: (message, _args, ctx) => threadOf(ctx, message),
  mentions: (message, _args, ctx) => mentionsOf(ctx, message),
  linkPreview: (message, _args, ctx) => ctx.loaders.linkPreview.load(message.id),
  readBy: (message, _args, ctx) => readByOf(ctx, message),
  attachments: (message, _args, ctx) => attachmentsOf(ctx, message),
};
