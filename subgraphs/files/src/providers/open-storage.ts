import type { StorageSettings } from '../env';
import { LocalDiskStorage } from './local-disk/local-disk-storage';
import { S3Storage } from './s3/s3-storage';
import type { ObjectStorage } from './storage';

/** The storage the settings choose: local disk by default, S3 (any compatible endpoint) in services mode. */
export function openStorage(settings: StorageSettings): ObjectStorage {
  if (settings.kind === 'local') return new LocalDiskStorage(settings.dir);
  return new S3Storage(settings);
}
