import { topicStream } from '@mosaic/kit';
import type { Context } from '../../context';
import { accessTopic, untilRevoked, type AccessSignal, type StreamRevoked } from './access-signal';
import { noteDocument, requireAccess } from './co-editing';
import { noteTopic, type NoteUpdatePayload } from './topic';
import { decodeBase64 } from './yjs-document';

/** A co-editor this many updates behind is cut off; it resubscribes with its state vector and loses nothing. */
const BUFFER_LIMIT = 2_000;

/**
 * `noteUpdates`: checks with the subscriber's own token that they may read the note, subscribes to
 * its topic, and only then (on the first read) loads what `stateVector` lacks — so an update
 * committed in between is in the sync event, the live stream, or both (applying a Yjs update twice
 * changes nothing): never lost. Each stream is the subscriber's own (no share key): its first event
 * depends on its state vector. Access is checked when the stream opens and again whenever it
 * changes for the subscriber (unshared, role changed, note deleted — on any replica): a subscriber
 * who may no longer read the note gets a NOT_FOUND event and the stream ends.
 */
export async function openNoteUpdates(
  ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'pubsub'>,
  noteId: string,
  stateVector: string | null | undefined,
): Promise<AsyncIterableIterator<NoteUpdatePayload | StreamRevoked>> {
  if (stateVector) decodeBase64(stateVector, 'stateVector');
  await requireAccess(ctx, noteId, 'read');
  const topics = await topicStream<NoteUpdatePayload | AccessSignal>(ctx.pubsub, [noteTopic(noteId), accessTopic(noteId)], { bufferLimit: BUFFER_LIMIT });
  const live = untilRevoked(ctx, noteId, topics);
  let synced = false;
  const stream: AsyncIterableIterator<NoteUpdatePayload | StreamRevoked> = {
    async next() {
      if (!synced) {
        synced = true;
        try {
          const document = await noteDocument(ctx, noteId, stateVector);
          return { value: { noteId, update: document.update, origin: null, authorId: null, sync: true }, done: false };
        } catch (error) {
          await live.return?.();
          throw error;
        }
      }
      return live.next();
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
  return stream;
}
