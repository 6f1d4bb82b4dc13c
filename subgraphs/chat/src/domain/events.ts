import { encodeId } from '@mosaic/kit';
import type { Context } from '../context';
import type { MessageRow } from '../data/tables';

/**
 * Live events travel through pub/sub as JSON (in memory too, so both backends behave alike):
 * Dates arrive as ISO strings. Payloads carry raw ids; the GraphQL resolvers encode them, so a
 * resolved event's `author` is `{ __typename: "User", id: <public User id> }`, a reference the
 * gateway resolves through accounts.
 */
export type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type MessageEventType = 'MessageAdded' | 'MessageEdited' | 'MessageReactionsChanged';

export type MessageEventPayload =
  | { type: MessageEventType; roomId: string; message: Jsonified<MessageRow> | MessageRow }
  | { type: 'MessageDeleted'; roomId: string; messageId: string };

export interface TypingPayload {
  roomId: string;
  userId: string;
  isTyping: boolean;
  expiresAt: string | Date;
}

export const messagesTopic = (roomId: string) => `chat.room.${roomId}.messages`;
export const typingTopic = (roomId: string) => `chat.room.${roomId}.typing`;

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
 * Publishes once the write has committed. The history is the source of truth and live delivery is
 * at-most-once, so a pub/sub failure is logged, not turned into a failed (yet committed) mutation.
 */
export async function publish(ctx: Pick<Context, 'pubsub' | 'log'>, topic: string, payload: MessageEventPayload | TypingPayload): Promise<void> {
  try {
    await ctx.pubsub.publish(topic, payload);
  } catch (error) {
    ctx.log.warn({ err: error, topic }, 'live event not published');
  }
}

export const publishMessageEvent = (ctx: Pick<Context, 'pubsub' | 'log'>, event: MessageEventPayload) => publish(ctx, messagesTopic(event.roomId), event);
