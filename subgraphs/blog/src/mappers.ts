import type { Connection, UserReference } from '@mosaic/kit';
import type { PostRow } from './data/tables';

export type UserMapper = UserReference;
export type PostMapper = PostRow;
export type PostConnectionMapper = Connection<PostRow>;
