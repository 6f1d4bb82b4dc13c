import { ConflictError, validate, refreshLoaders, written } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteReaction, insertReaction, type ReactionSummary } from '../data/reactions-repo';
import type { MessageRow } from '../data/tables';
import { snapshotOf } from '../events';
import { emojiSchema } from './emoji';
import { lockMessage } from './messages';
import { assertMember } from './room-access';

type ChatContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'events'>;

/** One reaction per user, emoji and message; members only; not on deleted messages. */
async function react(ctx: ChatContext, messageId: string, rawEmoji: unknown, add: boolean): Promise<MessageRow> {
  const viewerId = ctx.auth.userId();
  const emoji = validate(emojiSchema, rawEmoji, 'emoji');
  const outcome = await ctx.db.transaction(async (tx) => {
    const { message, access } = await lockMessage(tx, messageId, viewerId);
    assertMember(access);
    if (message.deletedAt) throw new ConflictError('This message was deleted; it cannot be reacted to.');
    const changed = add
      ? await insertReaction(tx, { messageId, userId: viewerId, emoji, createdAt: ctx.now() })
      : await deleteReaction(tx, messageId, viewerId, emoji);
    if (changed) await ctx.events.emit(tx, 'chat.message.reactions-changed', { roomId: message.roomId, message: snapshotOf(message) });
    return message;
  });
  refreshLoaders(ctx.loaders, written(ctx.loaders.messageById, outcome.id, outcome));
  return outcome;
}

export const addReaction = (ctx: ChatContext, messageId: string, emoji: unknown) => react(ctx, messageId, emoji, true);
export const removeReaction = (ctx: ChatContext, messageId: string, emoji: unknown) => react(ctx, messageId, emoji, false);

/** `Message.reactions`, batched across messages; a deleted message has none. */
export function reactionsOf(ctx: Pick<Context, 'loaders'>, message: MessageRow): Promise<ReactionSummary[]> | ReactionSummary[] {
  return message.deletedAt ? [] : ctx.loaders.reactions.load(message.id);
}
