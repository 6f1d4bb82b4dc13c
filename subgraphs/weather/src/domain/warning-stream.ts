import { encodeId, NotFoundError, topicStream } from '@mosaic/kit';
import type { Context } from '../context';
import { findOwnLocation } from './saved-locations';
import { warningsTopic, type WarningsEvent } from './warnings/warning-events';

/** `weatherWarnings`: the viewer's own updates (all locations, or one), so private: one stream per viewer. */
export async function warningStream(ctx: Pick<Context, 'auth' | 'loaders' | 'pubsub'>, locationId: string | null): Promise<AsyncIterableIterator<WarningsEvent>> {
  const viewer = ctx.auth.require('weather:read');
  if (locationId && !(await findOwnLocation(ctx, locationId))) throw new NotFoundError('SavedLocation', encodeId('SavedLocation', locationId));
  return topicStream<WarningsEvent>(ctx.pubsub, warningsTopic(viewer.userId), {
    bufferLimit: 100,
    ...(locationId ? { filter: (event) => event.locationId === locationId } : {}),
  });
}
