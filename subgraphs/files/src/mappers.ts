import type { Connection, UserReference } from '@mosaic/kit';
import type { FileRow, StorageUsageRow } from './data/tables';

export type UserMapper = UserReference;
export type FileMapper = FileRow;
export type FileConnectionMapper = Connection<FileRow>;
export type StorageUsageMapper = Pick<StorageUsageRow, 'bytesUsed' | 'fileCount'> & { quotaBytes: number };
export type DeleteFilePayloadMapper = { deletedId: string; storageUsage: StorageUsageMapper };
