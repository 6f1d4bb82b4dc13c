import type { Connection, UserReference } from '@mosaic/kit';
import type { LinkRow } from './data/tables';

export type UserMapper = UserReference;
export type LinkMapper = LinkRow;
export type LinkConnectionMapper = Connection<LinkRow>;
