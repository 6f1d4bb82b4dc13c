import type { AttachmentReference } from '@mosaic/files/attachments';
import type { UserReference } from '@mosaic/kit';
import type { NotebookRow, NoteRevisionRow, NoteRow, NoteShareLinkRow, NoteShareRow } from './data/tables';
import type { CreatedShareLink } from './domain/share-links';
import type { NoteRevisionDiff } from './domain/revisions';
import type { NoteUpdatePayload } from './domain/co-editing/topic';
import type { NoteSyncResult } from './domain/co-editing/co-editing';
import type { AwarenessCursor, AwarenessEvent } from './domain/co-editing/awareness-topic';
import type { NoteEdgeModel, NotePage } from './domain/list-notes';


export type UserMapper = UserReference;
export type NoteMapper = NoteRow;
export type NoteEdgeMapper = NoteEdgeModel;
export type NoteConnectionMapper = NotePage;
export type NoteShareMapper = NoteShareRow;
export type NoteSyncMapper = NoteSyncResult;
export type NoteUpdateMapper = NoteUpdatePayload;
export type NoteRevisionMapper = NoteRevisionRow;
export type NoteRevisionDiffMapper = NoteRevisionDiff;
export type NotebookMapper = NotebookRow;
export type NoteShareLinkMapper = NoteShareLinkRow;
export type CreatedNoteShareLinkMapper = CreatedShareLink;
export type SharedNoteMapper = NoteRow;
export type NoteAwarenessMapper = AwarenessEvent;
export type NoteCursorMapper = AwarenessCursor;

/** An attached file: a reference files resolves by its ticket key. */
export type FileMapper = AttachmentReference;
