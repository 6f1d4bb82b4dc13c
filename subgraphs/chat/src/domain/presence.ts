import { UserInputError, topicStream, refreshLoaders } from '@mosaic/kit';
import { z } from 'zod';
import type { Context } from '../context';
import { presenceTopic, roomShareKey, type PresencePayload } from './events';
import type { PresenceStatus } from './presence-tracker';
import { assertMember, roomAccess } from './room-access';

const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** `setPresence`: the calling client's heartbeat. */
export async function setPresence(ctx: Pick<Context, 'auth' | 'presence' | 'loaders'>, status: PresenceStatus, clientId: string | null | undefined) {
  const viewerId = ctx.auth.userId();
  const client = clientId ?? 'default';
  if (!clientIdSchema.safeParse(client).success) throw new UserInputError('clientId: 1 to 64 letters, digits, "-" or "_".', 'clientId');
  const heartbeat = await ctx.presence.heartbeat(viewerId, client, status);
  refreshLoaders(ctx.loaders);
  return heartbeat;
}

/**
 * `User.presence`: the viewer's own, or that of someone they share a room with; null otherwise
 * (presence says when someone is at their desk — not for strangers). Batched: one statement for
 * the co-membership of every user in the response, one presence read for all of them.
 */
export async function presenceOf(ctx: Pick<Context, 'auth' | 'loaders'>, userId: string): Promise<PresenceStatus | null> {
  const viewerId = ctx.auth.userId();
  if (userId !== viewerId && !(await ctx.loaders.coMember.load(userId))) return null;
  return ctx.loaders.presence.load(userId);
}

/** `presenceChanged(roomId)`: members only, also of public rooms; every member sees the same events. */
export async function openPresenceEvents(ctx: Pick<Context, 'auth' | 'loaders' | 'pubsub'>, roomId: string): Promise<AsyncIterableIterator<PresencePayload>> {
  assertMember(await roomAccess(ctx, roomId));
  return topicStream<PresencePayload>(ctx.pubsub, presenceTopic(roomId), { shareKey: roomShareKey(roomId), bufferLimit: 500 });
}
