import type { Connection, UserReference } from '@mosaic/kit';
import type { SavedLocationRow } from './data/tables';

export type UserMapper = UserReference;
export type SavedLocationMapper = SavedLocationRow;
export type SavedLocationConnectionMapper = Connection<SavedLocationRow>;
