import type { StorageSettings } from '../env';
import { LocalDiskStorage } from './local-disk/local-disk-storage';
import type { ObjectStorage } from './storage';

/**
 * The storage the settings choose: local disk by default, S3 (any compatible endpoint) in services
 * mode. The AWS SDK is loaded only when S3 is chosen (it is large; the all-in-one does not need it).
 */
export async function openStorage(settings: StorageSettings): Promise<ObjectStorage> {
  if (settings.kind === 'local') return new LocalDiskStorage(settings.dir);
  const { S3Storage } = await import('./s3/s3-storage');
  return new S3Storage(settings);
}
