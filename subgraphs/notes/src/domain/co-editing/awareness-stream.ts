import { randomUUID } from 'node:crypto';
import { topicStream, validate } from '@mosaic/kit';
import type { Context } from '../../context';
import { accessTopic, untilRevoked, type AccessSignal, type StreamRevoked } from './access-signal';
import { sendAwareness, sessionSchema } from './awareness';
import { awarenessTopic, type AwarenessEvent, type AwarenessMessage, type AwarenessPresent } from './awareness-topic';
import { requireAccess } from './co-editing';

/** Cursor events are small and frequent; a subscriber this far behind is cut off and resubscribes. */
const BUFFER_LIMIT = 2_000;

type AwarenessStreamContext = Pick<Context, 'auth' | 'loaders' | 'now' | 'pubsub' | 'settings'>;

/**
 * `noteAwareness`: no replica keeps anyone's presence. A stream that opens asks (HELLO, over
 * pub/sub) and every open stream whose own session has published a state answers with it, renewed
 * — a stream being open is what proves its client is still there. When a stream that published
 * ends (client left, socket closed, access lost), it announces its session LEFT; a replica that
 * dies announces nothing, and `expiresAt` makes clients forget the state instead.
 */
export async function openNoteAwareness(ctx: AwarenessStreamContext, noteId: string, session: string | null | undefined): Promise<AsyncIterableIterator<AwarenessEvent | StreamRevoked>> {
  const userId = ctx.auth.require('notes:read').userId;
  await requireAccess(ctx, noteId, 'read');
  const mySession = session === null || session === undefined ? null : validate(sessionSchema, session, 'session');
  const streamId = randomUUID();
  /** The latest state this stream's own session published, while it is present. */
  let mine: AwarenessPresent | null = null;
  const topics = await topicStream<AwarenessMessage | AccessSignal>(ctx.pubsub, [awarenessTopic(noteId), accessTopic(noteId)], {
    bufferLimit: BUFFER_LIMIT,
    onClose: () => {
      // Best effort: if the broker is gone too, the others' clients expire the state.
      if (mine) void sendAwareness(ctx, { kind: 'LEFT', noteId, userId, session: mine.session }).catch(() => undefined);
    },
  });
  const live = untilRevoked(ctx, noteId, topics);
  let started = false;
  const stream: AsyncIterableIterator<AwarenessEvent | StreamRevoked> = {
    // Run on the first read, not on open: the gateway's admission opens and closes the stream at once.
    async next() {
      if (!started) {
        started = true;
        await sendAwareness(ctx, { kind: 'HELLO', noteId, streamId });
        return { value: { kind: 'LIVE', noteId, userId, session: mySession }, done: false };
      }
      for (;;) {
        const result = await live.next();
        if (result.done) return { value: undefined, done: true };
        const event = result.value;
        if (!('kind' in event)) return { value: event, done: false };
        if (event.kind === 'HELLO') {
          if (mine && event.streamId !== streamId) {
            await sendAwareness(ctx, { ...mine, expiresAt: new Date(ctx.now().getTime() + ctx.settings.awarenessTimeoutMs).toISOString() });
          }
          continue;
        }
        if (mySession !== null && event.userId === userId) {
          if (event.kind === 'PRESENT' && event.session === mySession) mine = event;
          if (event.kind === 'LEFT' && (event.session === null || event.session === mySession)) mine = null;
        }
        return { value: event, done: false };
      }
    },
    return: async () => {
      await live.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error) => {
      await live.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}
