import type { CommentRow, CompletionRow, LabelRow, ProjectMemberRow, ProjectRow, ReminderRow, SavedFilterRow, SectionRow, TodoRow } from './data/tables';
import type { TodoPage } from './domain/list-todos';
import type { QuickAddPreview } from './domain/quick-add/quick-add';
import type { UserReference } from '@mosaic/kit';

export type TodoMapper = TodoRow;
export type TodoCompletionMapper = CompletionRow;
export type TodoConnectionMapper = TodoPage;
export type UserMapper = UserReference;
export type ProjectMapper = ProjectRow;
export type SectionMapper = SectionRow;
export type ProjectMemberMapper = ProjectMemberRow;
export type LabelMapper = LabelRow;
export type TodoCommentMapper = CommentRow;
export type QuickAddPreviewMapper = QuickAddPreview;
export type ReminderMapper = ReminderRow;
export type SavedFilterMapper = SavedFilterRow;
