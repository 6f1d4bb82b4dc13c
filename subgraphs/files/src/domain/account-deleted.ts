import type { EventHandler } from '@mosaic/kit';
import type { accountEvents } from '@mosaic/accounts/events';
import { deleteFilesOf, deleteSharesWith, deleteUsageOf, releaseUsage } from '../data/file-repo';
import type { FilesRuntime } from '../runtime';

/**
 * An account was deleted: its files (rows, stored objects, thumbnails), its usage and the shares
 * others gave it go, in the transaction that records the event as handled. Objects are removed
 * before the commit: if it fails, the redelivery finds the rows again and removing a missing
 * object is not an error.
 */
export function forgetDeletedAccount(runtime: Pick<FilesRuntime, 'storage' | 'now'>): EventHandler<typeof accountEvents, 'account.deleted'> {
  return async (event, { tx, log }) => {
    const userId = event.payload.userId;
    const removed = await deleteFilesOf(tx, userId);
    for (const row of removed) {
      // What they stored within an organisation no longer counts against its plan.
      if (row.usageAccountId) await releaseUsage(tx, row.usageAccountId, row.size, runtime.now());
      await runtime.storage.delete(row.storageKey);
      if (row.thumbnailKey) await runtime.storage.delete(row.thumbnailKey);
    }
    await deleteSharesWith(tx, userId);
    await deleteUsageOf(tx, userId);
    log.info({ userId, removed: removed.length }, 'removed the files of a deleted account');
  };
}
