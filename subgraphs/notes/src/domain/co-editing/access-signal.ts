import { AppError, refreshLoaders } from '@mosaic/kit';
import type { Context } from '../../context';
import { accessTo } from '../access';

/**
 * Sent (over pub/sub, so to every replica) after someone's access to a note changed: unshared, a
 * role changed, or the note deleted (`userId` null: everyone). Live streams of the note re-check
 * their viewer's access when it concerns them, and end if it is gone.
 */
export interface AccessSignal {
  accessChanged: true;
  noteId: string;
  /** Whose access changed; null: everyone's (the note was deleted). */
  userId: string | null;
}

export const accessTopic = (noteId: string) => `notes:note-access:${noteId}`;

export const isAccessSignal = (payload: unknown): payload is AccessSignal => typeof payload === 'object' && payload !== null && 'accessChanged' in payload;

/** After the change committed: open streams on any replica hear of it. */
export async function signalAccessChange(ctx: Pick<Context, 'pubsub'>, noteId: string, userId: string | null): Promise<void> {
  const signal: AccessSignal = { accessChanged: true, noteId, userId };
  await ctx.pubsub.publish(accessTopic(noteId), signal);
}

/** The last event of a stream whose viewer may no longer read the note; its resolver throws `accessEndedError`. */
export interface StreamRevoked {
  revoked: true;
}

export const isStreamRevoked = (payload: unknown): payload is StreamRevoked => typeof payload === 'object' && payload !== null && 'revoked' in payload;

/** NOT_FOUND, like any note the viewer cannot see (whether it was deleted or unshared is not told apart). */
export class AccessEndedError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('You can no longer read this note (it was deleted or is no longer shared with you), so its live stream has ended.', { entity: 'Note', reason: 'ACCESS_REVOKED' }, 'NOT_FOUND');
  }
}

type GuardContext = Pick<Context, 'auth' | 'loaders'>;

/**
 * `source` (a topic stream that includes the note's `accessTopic`) without the access signals:
 * one that concerns the viewer makes the stream check again, with fresh loaders, whether they may
 * still read the note; if not, the stream yields one `StreamRevoked` and ends (and releases its
 * topics). Events queued after the signal are never delivered.
 */
export function untilRevoked<T>(ctx: GuardContext, noteId: string, source: AsyncIterableIterator<T | AccessSignal>): AsyncIterableIterator<T | StreamRevoked> {
  const userId = ctx.auth.require('notes:read').userId;
  let revoked = false;
  const stream: AsyncIterableIterator<T | StreamRevoked> = {
    async next() {
      while (!revoked) {
        const result = await source.next();
        if (result.done) return result;
        if (!isAccessSignal(result.value)) return { value: result.value, done: false };
        if (result.value.userId !== null && result.value.userId !== userId) continue;
        refreshLoaders(ctx.loaders);
        if (await accessTo(ctx, noteId)) continue;
        revoked = true;
        await source.return?.();
        return { value: { revoked: true }, done: false };
      }
      return { value: undefined, done: true };
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error) => {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return stream;
}
