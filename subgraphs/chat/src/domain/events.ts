import { encodeId, type DeliveredEvent, type EventTypeOf, type PayloadOf, type PubSub } from '@mosaic/kit';
import type { Context } from '../context';
import type { MessageRow } from '../data/tables';
import { type chatEvents } from '../events';

/**
 * Live events travel through pub/sub as JSON (in memory too, so both backends behave alike):
 * Dates arrive as ISO strings. Payloads carry raw ids; the GraphQL resolvers encode them, so a
 * resolved event's `author` is `{ __typename: "User", id: <public User id> }`, a reference the
 * gateway resolves through accounts.
 */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type MessageEventType = 'MessageAdded' | 'MessageEdited' | 'MessageReactionsChanged' | 'MessagePreviewAdded';

/**
 * A live message event; `eventId` (the outbox event's) lets a stream drop a redelivered copy.
 * `replayed`: read from the history for a resuming subscriber, not from the outbox.
 */
export type MessageEventPayload = { eventId: string; replayed?: true } & (
  | { type: MessageEventType; roomId: string; message: Jsonified<MessageRow> | MessageRow }
  | { type: 'MessageDeleted'; roomId: string; messageId: string }
);

export interface TypingPayload {
  roomId: string;
  userId: string;
  isTyping: boolean;
  expiresAt: string | Date;
}

export const messagesTopic = (roomId: string) => `chat.room.${roomId}.messages`;
export const typingTopic = (roomId: string) => `chat.room.${roomId}.typing`;
export const presenceTopic = (roomId: string) => `chat.room.${roomId}.presence`;
export const receiptsTopic = (roomId: string) => `chat.room.${roomId}.receipts`;
export const mentionsTopic = (userId: string) => `chat.user.${userId}.mentions`;

/** A member's presence changed (raw ids; `changedAt` ISO). */
export interface PresencePayload {
  roomId: string;
  userId: string;
  status: 'ONLINE' | 'AWAY' | 'OFFLINE';
  changedAt: string;
}

/** A member's read marker moved in a small room (raw ids; `readAt` ISO). */
export interface ReadReceiptPayload {
  roomId: string;
  userId: string;
  upToMessageId: string;
  readAt: string;
}

/** A message newly mentions the topic's user; `eventId` (the outbox event's) drops a redelivered copy. */
export interface MentionPayload {
  eventId: string;
  roomId: string;
  message: Jsonified<MessageRow>;
}

/**
 * Every subscriber admitted to a room's stream sees the same events (access is per room), so the
 * gateway may serve all of them from one upstream subscription. The room's public id keeps raw
 * ids out of what leaves the subgraph.
 */
export const roomShareKey = (roomId: string) => `chat-room:${encodeId('Room', roomId)}`;

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: string | Date | null): Date | null => (value === null ? null : toDate(value));

/** A message as it came through pub/sub (ISO strings) or straight from the database (Dates). */
export function reviveMessage(message: Jsonified<MessageRow> | MessageRow): MessageRow {
  return {
    ...message,
    createdAt: toDate(message.createdAt),
    editedAt: toDateOrNull(message.editedAt),
    deletedAt: toDateOrNull(message.deletedAt),
  };
}

/**
 * Typing indicators are ephemeral and go straight to pub/sub: a lost one costs a few seconds of a
 * wrong indicator (bounded by `expiresAt`). Message events come from the outbox (see below).
 */
export async function publishTyping(ctx: Pick<Context, 'pubsub' | 'log'>, payload: TypingPayload): Promise<void> {
  try {
    await ctx.pubsub.publish(typingTopic(payload.roomId), payload);
  } catch (error) {
    ctx.log.warn({ err: error, roomId: payload.roomId }, 'typing event not published');
  }
}

export const LIVE_EVENT_TYPES = [
  'chat.message.added',
  'chat.message.edited',
  'chat.message.reactions-changed',
  'chat.message.preview-added',
  'chat.message.deleted',
  'chat.message.mentioned',
] as const satisfies readonly EventTypeOf<typeof chatEvents>[];

const LIVE_TYPE = {
  'chat.message.added': 'MessageAdded',
  'chat.message.edited': 'MessageEdited',
  'chat.message.reactions-changed': 'MessageReactionsChanged',
  'chat.message.preview-added': 'MessagePreviewAdded',
} as const;

/**
 * The relay's consumer for live streams: each committed message event, in order per room, to the
 * room's pub/sub topic (every replica's subscribers). At least once: a stream drops a copy it has
 * seen by `eventId`. A mention goes to each mentioned person's own topic instead (their live
 * `chatMentions`).
 */
export function fanOutToLiveStreams(pubsub: PubSub) {
  return async (event: DeliveredEvent<typeof chatEvents, (typeof LIVE_EVENT_TYPES)[number]>): Promise<void> => {
    if (event.type === 'chat.message.mentioned') return fanOutMention(pubsub, event as DeliveredEvent<typeof chatEvents, 'chat.message.mentioned'>);
    const change = event.payload as PayloadOf<typeof chatEvents, Exclude<(typeof LIVE_EVENT_TYPES)[number], 'chat.message.mentioned'>>;
    const { roomId } = change;
    const payload: MessageEventPayload =
      'messageId' in change
        ? { eventId: event.id, type: 'MessageDeleted', roomId, messageId: change.messageId }
        : { eventId: event.id, type: LIVE_TYPE[event.type as keyof typeof LIVE_TYPE], roomId, message: change.message };
    await pubsub.publish(messagesTopic(roomId), payload);
  };
}

async function fanOutMention(pubsub: PubSub, event: DeliveredEvent<typeof chatEvents, 'chat.message.mentioned'>): Promise<void> {
  const { roomId, message, userIds } = event.payload;
  await Promise.all(userIds.map((userId) => pubsub.publish(mentionsTopic(userId), { eventId: event.id, roomId, message } satisfies MentionPayload)));
}
