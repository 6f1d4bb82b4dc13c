import type { Connection, UserReference } from '@mosaic/kit';
import type { CommentRow, PostRevisionRow, PostRow } from './data/tables';
import type { LikeResult } from './domain/likes';
import type { RevisionDiff } from './domain/revisions';

export type UserMapper = UserReference;
export type PostMapper = PostRow;
export type PostConnectionMapper = Connection<PostRow>;
export type PostRevisionMapper = PostRevisionRow;
export type PostRevisionConnectionMapper = Connection<PostRevisionRow>;
export type CommentMapper = CommentRow;
export type CommentConnectionMapper = Connection<CommentRow>;
export type RevisionDiffMapper = RevisionDiff;
export type LikeResultMapper = LikeResult;
