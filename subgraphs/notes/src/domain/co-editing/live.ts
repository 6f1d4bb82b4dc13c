import { topicStream } from '@mosaic/kit';
import type { Context } from '../../context';
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
 * depends on its state vector. Access is checked when the stream opens; a share revoked later ends
 * the subscriber's writes (applyNoteUpdate checks every time), not its open stream.
 */
export async function openNoteUpdates(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'pubsub'>, noteId: string, stateVector: string | null | undefined): Promise<AsyncIterableIterator<NoteUpdatePayload>> {
  if (stateVector) decodeBase64(stateVector, 'stateVector');
  await requireAccess(ctx, noteId, 'read');
  const live = await topicStream<NoteUpdatePayload>(ctx.pubsub, noteTopic(noteId), { bufferLimit: BUFFER_LIMIT });
  let synced = false;
  const stream: AsyncIterableIterator<NoteUpdatePayload> = {
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
