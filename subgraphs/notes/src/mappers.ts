import type { UserReference } from '@mosaic/kit';
import type { NoteRow } from './data/tables';
import type { NoteEdgeModel, NotePage } from './domain/list-notes';


export type UserMapper = UserReference;
export type NoteMapper = NoteRow;
export type NoteEdgeMapper = NoteEdgeModel;
export type NoteConnectionMapper = NotePage;
