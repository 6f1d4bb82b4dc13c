import type { Context } from '../context';
import { publishTyping, type TypingPayload } from './events';
import { assertMayRead, assertMember, roomAccess } from './room-access';

/** How long a client shows "… is typing" after an event, unless a newer one arrives. */
export const TYPING_TTL_MS = 5_000;

/**
 * Publishes a typing event to the room's members. Nothing is stored: a missed event costs at most
 * a few seconds of a wrong indicator, which `expiresAt` bounds on the client.
 */
export async function setTyping(ctx: Pick<Context, 'auth' | 'loaders' | 'now' | 'pubsub' | 'log'>, roomId: string, isTyping: boolean): Promise<TypingPayload> {
  const access = await roomAccess(ctx, roomId);
  assertMayRead(access);
  const membership = assertMember(access);
  const now = ctx.now();
  const event: TypingPayload = {
    roomId,
    userId: membership.userId,
    isTyping,
    expiresAt: new Date(isTyping ? now.getTime() + TYPING_TTL_MS : now.getTime()),
  };
  await publishTyping(ctx, event);
  return event;
}
