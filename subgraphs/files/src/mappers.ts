import type { Connection, UserReference } from '@mosaic/kit';
import type { FileRow } from './data/tables';

export type UserMapper = UserReference;
export type FileMapper = FileRow;
export type FileConnectionMapper = Connection<FileRow>;
