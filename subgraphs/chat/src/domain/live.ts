import { topicStream, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import type { MessageRow } from '../data/tables';
import { messagesTopic, reviveMessage, roomShareKey, typingTopic, type MessageEventPayload, type TypingPayload } from './events';
import { assertMayRead, roomAccess } from './room-access';

/** A slow subscriber this far behind is cut off (it reloads the history when it resubscribes). */
const BUFFER_LIMIT = 500;

type LiveContext = Pick<Context, 'auth' | 'loaders' | 'pubsub'>;

/**
 * Opens a room's stream after checking, with the caller's own token, that they may read the room.
 * The gateway runs exactly this (admission) for each subscriber before adding them to a shared
 * group, so the check holds per subscriber even when events are shared.
 */
async function openRoomStream<T>(ctx: LiveContext, roomId: string, topic: string): Promise<AsyncIterableIterator<T>> {
  assertMayRead(await roomAccess(ctx, roomId));
  return topicStream<T>(ctx.pubsub, topic, { shareKey: roomShareKey(roomId), bufferLimit: BUFFER_LIMIT });
}

export const openMessageEvents = (ctx: LiveContext, roomId: string) => openRoomStream<MessageEventPayload>(ctx, roomId, messagesTopic(roomId));
export const openTypingEvents = (ctx: LiveContext, roomId: string) => openRoomStream<TypingPayload>(ctx, roomId, typingTopic(roomId));

/** The union member an event resolves to (`MessageEvent.__resolveType` reads `__typename`). */
export type MessageEventModel =
  | { __typename: 'MessageAdded' | 'MessageEdited' | 'MessageReactionsChanged'; message: MessageRow }
  | { __typename: 'MessageDeleted'; messageId: string; roomId: string };

/**
 * One event → its GraphQL shape. The subscription's context lives as long as the subscription, so
 * its loaders are cleared first: this event must not see reactions or rooms cached for an earlier one.
 */
export function toMessageEvent(ctx: Pick<Context, 'loaders'>, event: MessageEventPayload): MessageEventModel {
  refreshLoaders(ctx.loaders);
  if (event.type === 'MessageDeleted') return { __typename: 'MessageDeleted', messageId: event.messageId, roomId: event.roomId };
  const message = reviveMessage(event.message);
  ctx.loaders.messageById.prime(message.id, message);
  // A message just sent has no reactions yet: spares one statement per event for every group.
  if (event.type === 'MessageAdded') ctx.loaders.reactions.prime(message.id, []);
  return { __typename: event.type, message };
}

export function toTypingEvent(ctx: Pick<Context, 'loaders'>, event: TypingPayload): TypingPayload {
  refreshLoaders(ctx.loaders);
  return event;
}
