import { refreshLoaders, topicStream } from '@mosaic/kit';
import type { Context } from '../context';
import { findMember } from '../data/members-repo';
import type { MessageRow } from '../data/tables';
import { snapshotOf, type ChatOutbox } from '../events';
import { mentionsTopic, reviveMessage, type MentionPayload } from './events';

/** A slow reader this far behind is cut off (it reloads `chatMentions` when it resubscribes). */
const BUFFER_LIMIT = 200;
/** Event ids a stream remembers to drop redelivered copies (the relay delivers at least once). */
const REMEMBERED_EVENTS = 200;

/** In the transaction of a send or an edit: the people it newly mentions get it live, once it commits. */
export async function announceMentions(events: ChatOutbox, tx: Context['db'], message: MessageRow, userIds: readonly string[]): Promise<void> {
  if (userIds.length > 0) await events.emit(tx, 'chat.message.mentioned', { roomId: message.roomId, message: snapshotOf(message), userIds: [...userIds] });
}

type MentionStreamContext = Pick<Context, 'auth' | 'db' | 'pubsub' | 'presence' | 'log'>;

/**
 * The viewer's own mentions, live (never shared: the topic is theirs). As the feed, a mention in a
 * room they left since is dropped. While the stream is read the viewer counts as connected for
 * presence; the lease is taken on the first read, not on opening, because the gateway's admission
 * opens and closes a stream only to check it.
 */
export async function openMentionStream(ctx: MentionStreamContext): Promise<AsyncIterableIterator<MessageRow>> {
  const viewerId = ctx.auth.userId();
  const live = await topicStream<MentionPayload>(ctx.pubsub, mentionsTopic(viewerId), { bufferLimit: BUFFER_LIMIT });
  const seen = new Set<string>();
  let release: Promise<(() => Promise<void>) | null> | null = null;
  const holdPresence = () =>
    (release ??= ctx.presence.hold(viewerId).catch((error) => {
      ctx.log.warn({ err: error }, 'presence lease not taken');
      return null;
    }));
  const end = async () => {
    const releasing = release;
    release = Promise.resolve(null);
    await (await releasing)?.().catch((error) => ctx.log.warn({ err: error }, 'presence lease not released'));
  };
  const stream: AsyncIterableIterator<MessageRow> = {
    async next() {
      await holdPresence();
      for (;;) {
        const result = await live.next();
        if (result.done) return { value: undefined, done: true };
        const { eventId, roomId, message } = result.value;
        if (seen.has(eventId)) continue;
        seen.add(eventId);
        if (seen.size > REMEMBERED_EVENTS) seen.delete(seen.values().next().value!);
        if (await findMember(ctx.db, roomId, viewerId)) return { value: reviveMessage(message), done: false };
      }
    },
    async return() {
      await end();
      await live.return?.();
      return { value: undefined, done: true };
    },
    async throw(error) {
      await end();
      await live.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

/** One event → the message; the stream's long-lived loaders are cleared first. */
export function toMentionedMessage(ctx: Pick<Context, 'loaders'>, message: MessageRow): MessageRow {
  refreshLoaders(ctx.loaders);
  ctx.loaders.messageById.prime(message.id, message);
  return message;
}
