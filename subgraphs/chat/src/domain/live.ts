import { SHARE_KEY, topicStream, UserInputError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../context';
import { findMessageInRoom, findMessagesAfter } from '../data/messages-repo';
import type { MessageRow } from '../data/tables';
import { messagesTopic, reviveMessage, roomShareKey, typingTopic, type MessageEventPayload, type TypingPayload } from './events';
import { assertMayRead, roomAccess } from './room-access';

/** A slow subscriber this far behind is cut off (it resumes with `after` when it resubscribes). */
const BUFFER_LIMIT = 500;
/** A stream resumes over at most this many missed messages; further behind, a client pages the history. */
export const RESUME_LIMIT = 1_000;
/** Event ids a stream remembers to drop redelivered copies (delivery is at least once). */
const REMEMBERED_EVENTS = 1_000;

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

/**
 * A room's message events. With `afterMessageId` (the last message the client saw) the stream
 * first replays the messages sent since, from the history, then continues live: it subscribes
 * before reading the history, so a message committed in between is in one or the other (or both,
 * and then the live copy is dropped) — no gap, no duplicate. Such a stream is the subscriber's own
 * (no share key): what it replays depends on where the client left off.
 */
export async function openMessageEvents(ctx: LiveContext & Pick<Context, 'db'>, roomId: string, afterMessageId: string | null = null): Promise<AsyncIterableIterator<MessageEventPayload>> {
  assertMayRead(await roomAccess(ctx, roomId));
  const topic = messagesTopic(roomId);
  const live = await topicStream<MessageEventPayload>(ctx.pubsub, topic, { bufferLimit: BUFFER_LIMIT, ...(afterMessageId ? {} : { shareKey: roomShareKey(roomId) }) });
  let missed: MessageRow[] = [];
  if (afterMessageId) {
    try {
      if (!(await findMessageInRoom(ctx.db, afterMessageId, roomId))) throw new UserInputError('after: no message of this room has this id; pass the id of the last message you saw in it.', 'after');
      missed = await findMessagesAfter(ctx.db, roomId, afterMessageId, RESUME_LIMIT + 1);
      if (missed.length > RESUME_LIMIT) {
        throw new UserInputError(`after: more than ${RESUME_LIMIT} messages were sent since; load them with Room.messages, then subscribe after the newest.`, 'after');
      }
    } catch (error) {
      await live.return?.();
      throw error;
    }
  }
  return resumed(live, missed, afterMessageId);
}

/** Replayed messages first, then live events without the ones already replayed or seen. */
function resumed(live: AsyncIterableIterator<MessageEventPayload>, missed: MessageRow[], afterMessageId: string | null): AsyncIterableIterator<MessageEventPayload> {
  const replay: MessageEventPayload[] = missed.map((message) => ({ eventId: `history:${message.id}`, replayed: true, type: 'MessageAdded', roomId: message.roomId, message }));
  const newestKnown = missed.at(-1)?.id ?? afterMessageId;
  const seen = new Set<string>();
  const isNew = (event: MessageEventPayload) => {
    if (seen.has(event.eventId)) return false;
    seen.add(event.eventId);
    if (seen.size > REMEMBERED_EVENTS) seen.delete(seen.values().next().value!);
    // Ids grow in commit order within a room: an added message up to the newest known was replayed (or seen before).
    return !(newestKnown && event.type === 'MessageAdded' && event.message.id <= newestKnown);
  };
  const stream: AsyncIterableIterator<MessageEventPayload> & { [SHARE_KEY]?: string } = {
    async next() {
      const replayed = replay.shift();
      if (replayed) return { value: replayed, done: false };
      for (;;) {
        const result = await live.next();
        if (result.done || isNew(result.value)) return result;
      }
    },
    return: async () => (await live.return?.()) ?? { value: undefined, done: true },
    throw: async (error) => {
      await live.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  const shareKey = (live as { [SHARE_KEY]?: string })[SHARE_KEY];
  if (shareKey !== undefined) stream[SHARE_KEY] = shareKey;
  return stream;
}

export const openTypingEvents = (ctx: LiveContext, roomId: string) => openRoomStream<TypingPayload>(ctx, roomId, typingTopic(roomId));

/** The union member an event resolves to (`MessageEvent.__resolveType` reads `__typename`). */
export type MessageEventModel =
  | { __typename: 'MessageAdded' | 'MessageEdited' | 'MessageReactionsChanged' | 'MessagePreviewAdded'; message: MessageRow }
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
  if (event.type === 'MessageAdded' && !event.replayed) ctx.loaders.reactions.prime(message.id, []);
  return { __typename: event.type, message };
}

export function toTypingEvent(ctx: Pick<Context, 'loaders'>, event: TypingPayload): TypingPayload {
  refreshLoaders(ctx.loaders);
  return event;
}
