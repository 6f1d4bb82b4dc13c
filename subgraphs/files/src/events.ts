import { z } from 'zod';
import { defineEvents, event } from '@mosaic/kit';

/**
 * The events files publishes (exchange `mosaic.files`), imported as `@mosaic/files/events`. Ids
 * are raw ids, as every subgraph stores them. Files consumes `file.uploaded` itself (thumbnails).
 */
export const filesEvents = defineEvents('files', {
  /** A file's bytes are stored and its row committed. */
  'file.uploaded': event({
    version: 1,
    schema: z.object({ fileId: z.string().uuid(), ownerId: z.string().uuid(), contentType: z.string(), size: z.number().int().nonnegative() }),
    aggregateId: (p) => p.fileId,
  }),
  /** A file is gone (its owner deleted it); references to it in other subgraphs are dangling. */
  'file.deleted': event({
    version: 1,
    schema: z.object({ fileId: z.string().uuid(), ownerId: z.string().uuid() }),
    aggregateId: (p) => p.fileId,
  }),
});
