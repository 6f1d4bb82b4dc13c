import type { Viewer } from '@mosaic/kit';
import type { Loaders } from '../data/loaders';
import type { FileRow } from '../data/tables';

export type FileAccess = 'owner' | 'shared' | 'admin' | 'none';

/**
 * How the viewer may reach a file: its owner, a user it is shared with, or an admin (support);
 * anyone else must not learn that it exists. (A public link is a separate way in: the link itself.)
 */
export async function accessTo(viewer: Viewer | null, row: FileRow, loaders: Pick<Loaders, 'sharesOfFile'>): Promise<FileAccess> {
  if (!viewer) return 'none';
  if (row.ownerId === viewer.userId) return 'owner';
  if ((await loaders.sharesOfFile.load(row.id)).some((share) => share.userId === viewer.userId)) return 'shared';
  if (viewer.roles.includes('admin')) return 'admin';
  return 'none';
}
