import type { NoteRow } from './data/tables';
import type { NoteEdgeModel, NotePage } from './domain/list-notes';

/** In notes a `User` is only a reference: the representation `{ id }` with the PUBLIC id, as the gateway sends it. */
export interface UserReference {
  id: string;
}

export type UserMapper = UserReference;
export type NoteMapper = NoteRow;
export type NoteEdgeMapper = NoteEdgeModel;
export type NoteConnectionMapper = NotePage;
