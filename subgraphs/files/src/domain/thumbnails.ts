import { PassThrough } from 'node:stream';
import type { EventHandler } from '@mosaic/kit';
import { findFilesByIds, setThumbnailKey } from '../data/file-repo';
import type { filesEvents } from '../events';
import type { FilesRuntime } from '../runtime';

/** Types sharp reads that get a thumbnail. */
const THUMBNAIL_SOURCES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/tiff']);

/**
 * `file.uploaded` → a WebP thumbnail (at most FILES_THUMBNAIL_SIZE pixels on its longer side,
 * EXIF orientation applied) streamed from the original through sharp into storage, then the row
 * points at it. Runs after the upload's commit, off the request; a redelivery writes the same
 * thumbnail again. Images sharp cannot read are left without a thumbnail (logged, not retried).
 */
export function generateThumbnail(runtime: Pick<FilesRuntime, 'storage' | 'settings' | 'log'>): EventHandler<typeof filesEvents, 'file.uploaded'> {
  return async (event, { tx }) => {
    if (!THUMBNAIL_SOURCES.has(event.payload.contentType)) return;
    const [row] = await findFilesByIds(tx, [event.payload.fileId]);
    if (!row) return; // deleted meanwhile
    const original = await runtime.storage.get(row.storageKey);
    if (!original) return;
    const key = `thumbnails/${row.id.slice(0, 2)}/${row.id}.webp`;
    const size = runtime.settings.thumbnailSize;
    // Loaded on the first image: sharp (libvips) is large, and many processes never make a thumbnail.
    const { default: sharp } = await import('sharp');
    // sharp's default pixel limit (268 MP) refuses decompression bombs.
    const resize = sharp({ failOn: 'error', animated: false }).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 });
    const output = new PassThrough();
    resize.once('error', (error) => output.destroy(error));
    original.once('error', (error) => resize.destroy(error));
    try {
      await runtime.storage.put(key, original.pipe(resize).pipe(output), { contentType: 'image/webp' });
    } catch (error) {
      runtime.log.warn({ err: error, fileId: row.id }, 'no thumbnail: the image could not be read');
      await runtime.storage.delete(key).catch(() => {});
      return;
    }
    await setThumbnailKey(tx, row.id, key);
  };
}
